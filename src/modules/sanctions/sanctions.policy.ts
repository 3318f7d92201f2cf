import { hasRole, hasScope, isOperator, isOperatorAdmin, type Principal } from '../../shared/principal.ts';

/** Operator managers (operator admins) propose and decide sanctions and reviews. */
export const canManageSanctions = (p: Principal): boolean => isOperatorAdmin(p);

/** Operator staff see every sanction; a partner only its own decided ones. */
export const canSeeAllSanctions = (p: Principal): boolean => isOperator(p);

/** The partner's own people answer its review: anyone of the organisation who may write, but not a viewer. */
export const canAnswerReview = (p: Principal, orgId: string): boolean =>
  p.orgId === orgId && hasScope(p, 'write') && hasRole(p, 'admin', 'analyst', 'reporter');

/**
 * Four-eyes: who took part in putting a sanction forward (its proposer, and the manager whose decision awaits
 * approval) may not also approve it or decide its review. Without an account (the policy, the CLI) no one is excluded.
 */
export function fourEyesConflict(
  actor: Principal,
  sanction: { proposedBy: string | null; decidedBy: string | null },
  roles: readonly ('proposer' | 'decider')[],
): 'proposer' | 'decider' | undefined {
  if (!actor.userId) return undefined;
  if (roles.includes('proposer') && sanction.proposedBy === actor.userId) return 'proposer';
  if (roles.includes('decider') && sanction.decidedBy === actor.userId) return 'decider';
  return undefined;
}

/**
 * What a partner sees of its own sanction: the measure, term, grounds and decision reasons, but not the deliberation
 * (what the policy first proposed, which managers proposed, decided and approved it).
 */
export function asSeenBy<
  T extends {
    measure: string;
    period: string | null;
    proposedMeasure: string;
    proposedPeriod: string | null;
    proposedByLabel: string;
    decidedByLabel: string | null;
    approvedByLabel: string | null;
  },
>(actor: Principal, row: T): T {
  if (canSeeAllSanctions(actor)) return row;
  const operator = (label: string | null) => (label === null ? null : 'the operator');
  return {
    ...row,
    proposedMeasure: row.measure,
    proposedPeriod: row.period,
    proposedByLabel: 'the operator',
    decidedByLabel: operator(row.decidedByLabel),
    approvedByLabel: operator(row.approvedByLabel),
  };
}

/** Of a review, likewise: the decision and its reason, not which manager made it. */
export function reviewAsSeenBy<T extends { decidedByLabel: string | null }>(actor: Principal, row: T): T {
  if (canSeeAllSanctions(actor) || row.decidedByLabel === null) return row;
  return { ...row, decidedByLabel: 'the operator' };
}
