import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organisations, users } from './foundation.ts';
import { violations } from './programme.ts';

/**
 * A measure against a partner: proposed by the policy for a violation (or by a manager), decided by an operator
 * manager (and a second approver when four-eyes is on), in force, reviewed when a suspension ends.
 */
export const sanctions = pgTable(
  'sanctions',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    violationId: uuid('violation_id').references(() => violations.id),
    /** warning | suspension | revocation */
    measure: text('measure').notNull(),
    /** ISO 8601 duration of a suspension, e.g. P6M. */
    period: text('period'),
    /** proposed | awaiting_approval | scheduled | in_force | under_review | completed | dismissed */
    status: text('status').notNull(),
    /** policy (the rules' sanction policy) or manager (proposed by hand). */
    source: text('source').notNull(),
    reason: text('reason').notNull(),
    legalBasis: text('legal_basis'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedByLabel: text('proposed_by_label').notNull(),
    proposedAt: ts('proposed_at').notNull(),
    /** The measure the policy proposed, kept when a manager changes it. */
    proposedMeasure: text('proposed_measure').notNull(),
    proposedPeriod: text('proposed_period'),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByLabel: text('decided_by_label'),
    decidedAt: ts('decided_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedByLabel: text('approved_by_label'),
    approvedAt: ts('approved_at'),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    /** reinstated | revoked, once the sanction is completed. */
    outcome: text('outcome'),
    completedAt: ts('completed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // The policy proposes once per violation.
    uniqueIndex('sanctions_policy_violation').on(t.violationId).where(sql`source = 'policy'`),
    index('sanctions_org_idx').on(t.orgId, t.proposedAt),
    index('sanctions_status_idx').on(t.status),
  ],
);

/** When a suspension ends: the partner answers with its rectification, the operator reinstates, extends or revokes. */
export const sanctionReviews = pgTable(
  'sanction_reviews',
  {
    id: uuid('id').primaryKey(),
    sanctionId: uuid('sanction_id')
      .notNull()
      .references(() => sanctions.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** Which end of the sanction opened it (1, then 2 after an extension, ...). */
    round: integer('round').notNull(),
    /** awaiting_rectification | rectification_submitted | decided */
    status: text('status').notNull(),
    openedAt: ts('opened_at').notNull(),
    /** reinstate | extend | revoke */
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    newEndsAt: ts('new_ends_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByLabel: text('decided_by_label'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('sanction_reviews_round').on(t.sanctionId, t.round),
    index('sanction_reviews_org_idx').on(t.orgId),
  ],
);

/** What the partner changed: processes, contacts, tooling, with attachments. A review may receive several. */
export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => sanctionReviews.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    summary: text('summary').notNull(),
    processes: text('processes'),
    contacts: text('contacts'),
    tooling: text('tooling'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedByLabel: text('submitted_by_label').notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [index('rectifications_review_idx').on(t.reviewId, t.submittedAt)],
);

export const rectificationAttachments = pgTable(
  'rectification_attachments',
  {
    id: uuid('id').primaryKey(),
    rectificationId: uuid('rectification_id')
      .notNull()
      .references(() => rectifications.id),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Sealed with the data key of the important tier. */
    contentEnc: text('content_enc').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('rectification_attachments_idx').on(t.rectificationId)],
);
