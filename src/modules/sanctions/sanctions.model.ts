/**
 * A sanction's life: proposed (by the policy for a violation, or by a manager) → decided by an operator manager
 * (confirm, change with a reason, or dismiss) → awaiting a second approver when four-eyes is on → scheduled or
 * in force → (a suspension) under review when it ends → completed (reinstated or revoked), or in force again when
 * the review extends it.
 */
export const sanctionStatuses = [
  'proposed',
  'awaiting_approval',
  'scheduled',
  'in_force',
  'under_review',
  'completed',
  'dismissed',
] as const;
export type SanctionStatus = (typeof sanctionStatuses)[number];

export const sanctionDecisions = ['confirm', 'change', 'dismiss'] as const;
export type SanctionDecision = (typeof sanctionDecisions)[number];

export const sanctionSources = ['policy', 'manager'] as const;
export type SanctionSource = (typeof sanctionSources)[number];

/** What a partner sees of its own sanctions: those decided and not dismissed, never the deliberation before. */
export const partnerVisibleStatuses: readonly SanctionStatus[] = ['scheduled', 'in_force', 'under_review', 'completed'];

export const reviewStatuses = ['awaiting_rectification', 'rectification_submitted', 'decided'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewDecisions = ['reinstate', 'extend', 'revoke'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const outcomes = ['reinstated', 'revoked'] as const;
export type Outcome = (typeof outcomes)[number];
