import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organisations, users } from './foundation.ts';

/** Human-readable report numbers (TS-2026-000123). */
export const reportRefSeq = pgSequence('report_ref_seq', { startWith: 1 });

export interface AffectedProduct {
  vendor: string;
  product: string;
  model?: string;
  purl?: string;
  cpe?: string;
  /** Ranges in OSV style (introduced / fixed / lastAffected) or explicit versions. */
  versions: { scheme: string; introduced?: string; fixed?: string; lastAffected?: string; version?: string }[];
}

export interface Reference {
  url: string;
  name?: string;
  tags?: string[];
}

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    ref: text('ref').notNull(),
    reporterOrgId: uuid('reporter_org_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by').references(() => users.id),
    title: text('title').notNull(),
    /** Encrypted under the report's tier key (envelope `ts1.…`). */
    descriptionEnc: text('description_enc').notNull(),
    status: text('status').notNull(),
    tlp: text('tlp').notNull(),
    tier: text('tier').notNull(),
    cveId: text('cve_id'),
    cwes: text('cwes').array().notNull().default(sql`'{}'::text[]`),
    cvssV31Vector: text('cvss_v31_vector'),
    cvssV31Score: doublePrecision('cvss_v31_score'),
    cvssV40Vector: text('cvss_v40_vector'),
    cvssV40Score: doublePrecision('cvss_v40_score'),
    /** The highest severity of the vectors given (none, low, medium, high, critical), or unknown. */
    severity: text('severity').notNull(),
    exploitation: text('exploitation').notNull(),
    exploitationEvidenceEnc: text('exploitation_evidence_enc'),
    products: jsonb('products').$type<AffectedProduct[]>().notNull().default(sql`'[]'::jsonb`),
    references: jsonb('references').$type<Reference[]>().notNull().default(sql`'[]'::jsonb`),
    discoveredAt: ts('discovered_at'),
    awareAt: ts('aware_at'),
    vendorNotifiedAt: ts('vendor_notified_at'),
    fixAvailableAt: ts('fix_available_at'),
    publiclyDisclosedAt: ts('publicly_disclosed_at'),
    embargoUntil: ts('embargo_until'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    duplicateOf: uuid('duplicate_of'),
    source: text('source').notNull(),
    receivedAt: ts('received_at').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('reports_ref_key').on(t.ref),
    index('reports_reporter_idx').on(t.reporterOrgId, t.receivedAt),
    index('reports_status_idx').on(t.status),
    index('reports_cve_idx').on(t.cveId),
    index('reports_products_idx').using('gin', t.products),
  ],
);

/** Every submission stage exactly as received, with the signed receipt that proves when. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    stage: text('stage').notNull(),
    contentEnc: text('content_enc').notNull(),
    contentSha256: text('content_sha256').notNull(),
    receivedAt: ts('received_at').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedByLabel: text('submitted_by_label').notNull(),
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
    receipt: text('receipt').notNull(),
  },
  (t) => [index('report_submissions_report_idx').on(t.reportId, t.receivedAt)],
);

/** What a report owes under each regime: recomputed whenever its timestamps or submissions change. */
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regimeId: text('regime_id').notNull(),
    obligationKey: text('obligation_key').notNull(),
    title: text('title').notNull(),
    stage: text('stage').notNull(),
    trigger: text('trigger').notNull(),
    triggerAt: ts('trigger_at'),
    /** What set the trigger time: the report's own timestamp, or the awareness evidence that moved it earlier. */
    triggerSource: text('trigger_source'),
    dueAt: ts('due_at'),
    metAt: ts('met_at'),
    metBySubmissionId: uuid('met_by_submission_id'),
    status: text('status').notNull(),
    latenessSeconds: bigint('lateness_seconds', { mode: 'number' }),
    missingFields: text('missing_fields').array().notNull().default(sql`'{}'::text[]`),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [
    uniqueIndex('obligations_report_key').on(t.reportId, t.regimeId, t.obligationKey),
    index('obligations_due_idx').on(t.status, t.dueAt),
    index('obligations_org_idx').on(t.orgId, t.status),
  ],
);

export const reportTransitions = pgTable(
  'report_transitions',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('report_transitions_report_idx').on(t.reportId, t.seq)],
);

export const reportComments = pgTable(
  'report_comments',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    authorId: uuid('author_id'),
    authorLabel: text('author_label').notNull(),
    authorOrgId: uuid('author_org_id'),
    bodyEnc: text('body_enc').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId, t.seq)],
);

/** Vendor organisations an analyst brought into a report: they see that report and answer for it. */
export const reportVendors = pgTable(
  'report_vendors',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    addedBy: text('added_by_label').notNull(),
    addedAt: ts('added_at').notNull(),
    firstSeenAt: ts('first_seen_at'),
    lastRemindedAt: ts('last_reminded_at'),
    reminders: integer('reminders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.orgId] }), index('report_vendors_org_idx').on(t.orgId)],
);

/** A vendor's answer per affected product, in the CSAF/VEX vocabulary. */
export const vendorStatements = pgTable(
  'vendor_statements',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    productIndex: integer('product_index').notNull(),
    status: text('status').notNull(),
    justification: text('justification'),
    statement: text('statement').notNull(),
    createdBy: text('created_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('vendor_statements_report_idx').on(t.reportId, t.orgId, t.productIndex)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    contentEnc: text('content_enc').notNull(),
    uploadedBy: text('uploaded_by_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('attachments_report_idx').on(t.reportId)],
);

/** Which reporting regimes bind which organisation (regimes themselves are data in a config file). */
export const regimeAssignments = pgTable(
  'regime_assignments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regimeId: text('regime_id').notNull(),
    assignedBy: text('assigned_by_label').notNull(),
    assignedAt: ts('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.regimeId] })],
);
