import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, StringEnum, Uuid } from '../../http/schemas.ts';
import { breachStatuses, severityThresholds, violationSeverities, violationStatuses } from './violations.model.ts';

export const ViolationDto = Type.Object(
  {
    id: Uuid,
    orgId: Uuid,
    ruleId: Type.String(),
    ruleName: Nullable(Type.String()),
    severity: StringEnum(violationSeverities),
    status: StringEnum(violationStatuses),
    summary: Type.String(),
    obligationIds: Type.Array(Uuid),
    evidenceIds: Type.Array(Uuid),
    dedupeKey: Type.String(),
    openedAt: DateTime,
    closedAt: Nullable(DateTime),
  },
  { $id: 'Violation' },
);
export type ViolationDto = Static<typeof ViolationDto>;
export const ViolationPage = pageOf(Type.Ref('Violation'));

export const ListViolationsQuery = Type.Object(
  {
    orgId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(violationStatuses)),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListViolationsQuery = Static<typeof ListViolationsQuery>;

export const RuleDto = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    severity: StringEnum(violationSeverities),
    description: Type.String(),
    legalBasis: Nullable(Type.String()),
    builtIn: Type.Boolean(),
    when: Type.Object({
      kind: StringEnum(['obligation', 'count'] as const),
      statuses: Type.Array(StringEnum(breachStatuses)),
      minLatenessSeconds: Type.Optional(Type.Integer()),
      minLateness: Type.Optional(Type.String()),
      atLeast: Type.Optional(Type.Integer()),
      within: Type.Optional(Type.String()),
      reportSeverityAtLeast: Type.Optional(StringEnum(severityThresholds)),
      regimes: Type.Optional(Type.Array(Type.String())),
    }),
  },
  { $id: 'ViolationRule' },
);
export type RuleDto = Static<typeof RuleDto>;
export const RuleList = Type.Object({ items: Type.Array(Type.Ref('ViolationRule')) });

export const EvaluateResult = Type.Object({
  opened: Type.Integer({ description: 'violations this run opened; 0 when every match was already open' }),
  items: Type.Array(Type.Ref('Violation')),
});
