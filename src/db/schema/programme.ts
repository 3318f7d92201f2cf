import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organisations } from './foundation.ts';
import { reports } from './reports.ts';

/**
 * Evidence that an organisation knew of a vulnerability, besides its own timestamps: an upstream report,
 * a public disclosure, a KEV listing, its own statement. Obligations run from the earliest credible one.
 */
export const awarenessEvidence = pgTable(
  'awareness_evidence',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    source: text('source').notNull(),
    awareAt: ts('aware_at').notNull(),
    description: text('description').notNull(),
    referenceUrl: text('reference_url'),
    credible: boolean('credible').notNull().default(true),
    recordedBy: text('recorded_by_label').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [index('awareness_evidence_report_idx').on(t.reportId)],
);

/** A breach of the partner programme's rules, opened by the rules engine (idempotently, by dedupe key). */
export const violations = pgTable(
  'violations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    ruleId: text('rule_id').notNull(),
    severity: text('severity').notNull(),
    /** rule id + what triggered it (e.g. the obligation ids): the engine opens each violation once. */
    dedupeKey: text('dedupe_key').notNull(),
    obligationIds: uuid('obligation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    evidenceIds: uuid('evidence_ids').array().notNull().default(sql`'{}'::uuid[]`),
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [uniqueIndex('violations_dedupe_key').on(t.dedupeKey), index('violations_org_idx').on(t.orgId, t.openedAt)],
);
