import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, pageQuery, Uuid } from '../../http/schemas.ts';
import type { ObligationView } from './reports.ports.ts';
import type {
  CommentRow,
  ReportRow,
  StatementRow,
  SubmissionRow,
  TransitionRow,
  VendorRow,
} from './reports.repository.ts';
import {
  exploitationStates,
  ReportInput,
  reportStatuses,
  stages,
  tiers,
  timelineFields,
  tlps,
} from './reports.schemas.ts';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export const ReportSummaryDto = Type.Object(
  {
    id: Uuid,
    ref: Type.String(),
    title: Type.String(),
    status: Type.String(),
    tlp: Type.String(),
    tier: Type.String(),
    severity: Type.String(),
    exploitation: Type.String(),
    cveId: Nullable(Type.String()),
    reporterOrgId: Uuid,
    reporterName: Nullable(Type.String()),
    assigneeId: Nullable(Uuid),
    assigneeName: Nullable(Type.String()),
    receivedAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'ReportSummary' },
);

export const ReportDto = Type.Object(
  {
    id: Uuid,
    ref: Type.String(),
    status: Type.String(),
    severity: Type.String(),
    cvss: Type.Object({
      v31: Nullable(Type.Object({ vector: Type.String(), score: Type.Number() })),
      v40: Nullable(Type.Object({ vector: Type.String(), score: Type.Number() })),
    }),
    relation: Type.String({ description: 'operator, reporter or vendor: how you relate to this report' }),
    allowedTransitions: Type.Array(Type.String(), { description: 'Statuses you may move the report to now' }),
    reporter: Nullable(Type.Object({ orgId: Uuid, name: Type.String() })),
    assignee: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    duplicateOf: Nullable(Uuid),
    source: Type.String({
      description: 'form (web UI), api (API token), cli, cve5 or csaf (imported document), demo',
    }),
    catalog: Type.Object({
      cve: Type.Boolean({ description: "The report's CVE id is in the public CVE catalog" }),
      kevDateAdded: Nullable(Type.String({ description: 'When CISA KEV listed it as exploited, if it did' })),
    }),
    receivedAt: DateTime,
    createdAt: DateTime,
    updatedAt: DateTime,
    content: ReportInput,
  },
  { $id: 'Report' },
);

export const SubmissionDto = Type.Object(
  {
    id: Uuid,
    stage: Type.String(),
    contentSha256: Type.String(),
    receivedAt: DateTime,
    submittedBy: Type.String(),
    auditSeq: Type.Integer(),
    receipt: Type.String({ description: 'Compact JWS (EdDSA); verify with /.well-known/threatshare-keys.json' }),
  },
  { $id: 'Submission' },
);

export const ObligationDto = Type.Object({
  regimeId: Type.String(),
  obligationKey: Type.String(),
  title: Type.String(),
  stage: Type.String(),
  trigger: Type.String(),
  triggerAt: Nullable(DateTime),
  triggerSource: Nullable(Type.String({ description: "The report's own timestamp, or evidence:<source>:<id>" })),
  dueAt: Nullable(DateTime),
  metAt: Nullable(DateTime),
  metBySubmissionId: Nullable(Uuid),
  status: Type.String(),
  latenessSeconds: Nullable(Type.Integer()),
  missingFields: Type.Array(Type.String()),
});

export const TransitionDto = Type.Object({
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  reason: Type.String(),
  actor: Type.String(),
  at: DateTime,
});
export const CommentDto = Type.Object({
  id: Uuid,
  author: Type.String(),
  authorOrgId: Nullable(Uuid),
  body: Type.String(),
  createdAt: DateTime,
});
export const StatementDto = Type.Object({
  id: Uuid,
  productIndex: Type.Integer(),
  status: Type.String(),
  justification: Nullable(Type.String()),
  statement: Type.String(),
  createdBy: Type.String(),
  createdAt: DateTime,
});
export const VendorDto = Type.Object({
  orgId: Uuid,
  name: Type.String(),
  addedBy: Type.String(),
  addedAt: DateTime,
  firstSeenAt: Nullable(DateTime),
  lastRemindedAt: Nullable(DateTime),
  reminders: Type.Integer(),
  statements: Type.Array(StatementDto),
});

export const reportSortFields = ['receivedAt', 'updatedAt', 'title', 'status', 'severity', 'ref'] as const;
const csv = (values: readonly string[], description: string) =>
  Type.String({ pattern: `^(${values.join('|')})(,(${values.join('|')}))*$`, description });
export const ListReportsQuery = Type.Object(
  {
    ...pageQuery(reportSortFields, 'receivedAt'),
    status: Type.Optional(csv(reportStatuses, 'Comma-separated statuses')),
    severity: Type.Optional(
      csv(['critical', 'high', 'medium', 'low', 'none', 'unknown'], 'Comma-separated severities'),
    ),
    assigneeId: Type.Optional(Uuid),
    unassigned: Type.Optional(Type.Boolean({ description: 'Only reports nobody is assigned to' })),
    deadline: Type.Optional(
      Type.Unsafe<'due_soon' | 'overdue'>({
        type: 'string',
        enum: ['due_soon', 'overdue'],
        description: 'due_soon: an obligation due within 48 h; overdue: one missed or past its due time',
      }),
    ),
    reporterOrgId: Type.Optional(Uuid),
    cveId: Type.Optional(Type.String({ maxLength: 30 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const ReportPage = pageOf(Type.Ref('ReportSummary'));

export const SubmitReportBody = Type.Object(
  {
    ...ReportInput.properties,
    stage: Type.Optional(Type.Unsafe<(typeof stages)[number]>({ type: 'string', enum: [...stages] })),
  },
  { additionalProperties: false },
);
export const SubmitStageBody = Type.Object(
  {
    stage: Type.Unsafe<(typeof stages)[number]>({ type: 'string', enum: stages.filter((s) => s !== 'initial') }),
    report: ReportInput,
  },
  { additionalProperties: false },
);
export const ImportBody = Type.Object(
  {
    format: Type.Unsafe<'cve5' | 'csaf'>({ type: 'string', enum: ['cve5', 'csaf'] }),
    document: Type.Record(Type.String(), Type.Unknown(), { description: 'The CVE JSON 5 record or CSAF 2.0 document' }),
    stage: Type.Optional(Type.Unsafe<(typeof stages)[number]>({ type: 'string', enum: [...stages] })),
    // No defaults here: what the document says stands unless the uploader overrides it.
    tlp: Type.Optional(Type.Unsafe<(typeof tlps)[number]>({ type: 'string', enum: [...tlps] })),
    tier: Type.Optional(Type.Unsafe<(typeof tiers)[number]>({ type: 'string', enum: [...tiers] })),
    exploitation: Type.Optional(
      Type.Unsafe<(typeof exploitationStates)[number]>({ type: 'string', enum: [...exploitationStates] }),
    ),
    timeline: Type.Optional(ReportInput.properties.timeline),
  },
  { additionalProperties: false },
);

export const TimelineBody = Type.Object(
  {
    field: Type.Unsafe<(typeof timelineFields)[number]>({ type: 'string', enum: [...timelineFields] }),
    value: Nullable(DateTime),
    reason: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const toSummaryDto = (
  r: ReportRow & { reporterName?: string; assigneeName?: string | null },
): Static<typeof ReportSummaryDto> => ({
  id: r.id,
  ref: r.ref,
  title: r.title,
  status: r.status,
  tlp: r.tlp,
  tier: r.tier,
  severity: r.severity,
  exploitation: r.exploitation,
  cveId: r.cveId,
  reporterOrgId: r.reporterOrgId,
  reporterName: r.reporterName ?? null,
  assigneeId: r.assigneeId,
  assigneeName: r.assigneeName ?? null,
  receivedAt: r.receivedAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const toSubmissionDto = (s: SubmissionRow): Static<typeof SubmissionDto> => ({
  id: s.id,
  stage: s.stage,
  contentSha256: s.contentSha256,
  receivedAt: s.receivedAt.toISOString(),
  submittedBy: s.submittedByLabel,
  auditSeq: s.auditSeq,
  receipt: s.receipt,
});

export const toObligationDto = (o: ObligationView): Static<typeof ObligationDto> => ({
  ...o,
  triggerAt: iso(o.triggerAt),
  dueAt: iso(o.dueAt),
  metAt: iso(o.metAt),
});

export const toTransitionDto = (t: TransitionRow) => ({
  fromStatus: t.fromStatus,
  toStatus: t.toStatus,
  reason: t.reason,
  actor: t.actorLabel,
  at: t.at.toISOString(),
});
export const toCommentDto = (c: Omit<CommentRow, 'seq'> & { body: string }) => ({
  id: c.id,
  author: c.authorLabel,
  authorOrgId: c.authorOrgId,
  body: c.body,
  createdAt: c.createdAt.toISOString(),
});
const toStatementDto = (s: Omit<StatementRow, 'seq'>) => ({
  id: s.id,
  productIndex: s.productIndex,
  status: s.status,
  justification: s.justification,
  statement: s.statement,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
});
export const toVendorDto = (v: VendorRow & { statements: StatementRow[] }) => ({
  orgId: v.orgId,
  name: v.orgName,
  addedBy: v.addedBy,
  addedAt: v.addedAt.toISOString(),
  firstSeenAt: iso(v.firstSeenAt),
  lastRemindedAt: iso(v.lastRemindedAt),
  reminders: v.reminders,
  statements: v.statements.map(toStatementDto),
});
export { toStatementDto };
