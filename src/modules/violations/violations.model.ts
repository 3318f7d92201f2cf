import { type Static, Type } from 'typebox';
import { StringEnum } from '../../http/schemas.ts';

export const violationSeverities = ['minor', 'major'] as const;
export type ViolationSeverity = (typeof violationSeverities)[number];
export const violationStatuses = ['open', 'closed'] as const;
export type ViolationStatus = (typeof violationStatuses)[number];

/** The obligation statuses a rule can match: only breaches, never pending or met. */
export const breachStatuses = ['late', 'missed'] as const;
export type BreachStatus = (typeof breachStatuses)[number];

/** Report severities a threshold can name; as in the regimes module, `unknown` never reaches one. */
export const severityThresholds = ['low', 'medium', 'high', 'critical'] as const;
export type SeverityThreshold = (typeof severityThresholds)[number];
const severityRank: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };
export const severityAtLeast = (severity: string, threshold: SeverityThreshold): boolean =>
  (severityRank[severity] ?? -1) >= severityRank[threshold]!;

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });
const Statuses = Type.Array(StringEnum(breachStatuses), { minItems: 1, uniqueItems: true });
const IsoDuration = (description: string) => Type.String({ minLength: 2, maxLength: 40, description });
const Filters = {
  reportSeverityAtLeast: Type.Optional(StringEnum(severityThresholds)),
  regimes: Type.Optional(Type.Array(Slug, { minItems: 1, uniqueItems: true, description: 'any of these regimes' })),
};

/** One violation per matching obligation. */
export const ObligationCondition = Type.Object(
  {
    kind: Type.Literal('obligation'),
    statuses: Statuses,
    minLatenessSeconds: Type.Optional(Type.Integer({ minimum: 1, description: 'late by more than this' })),
    minLateness: Type.Optional(IsoDuration('late by more than this ISO 8601 duration, e.g. PT24H')),
    ...Filters,
  },
  { additionalProperties: false },
);
export type ObligationCondition = Static<typeof ObligationCondition>;

/** One violation per organisation per set of `atLeast` matching obligations falling due within `within`. */
export const CountCondition = Type.Object(
  {
    kind: Type.Literal('count'),
    statuses: Statuses,
    atLeast: Type.Integer({ minimum: 1, maximum: 1000 }),
    within: IsoDuration('ISO 8601 duration, e.g. P90D'),
    ...Filters,
  },
  { additionalProperties: false },
);
export type CountCondition = Static<typeof CountCondition>;

export type RuleCondition = ObligationCondition | CountCondition;
// A discriminated oneOf: Ajv (discriminator: true) reports only the errors of the branch `kind` names.
const Condition = Type.Unsafe<RuleCondition>({
  type: 'object',
  required: ['kind'],
  oneOf: [ObligationCondition, CountCondition],
  discriminator: { propertyName: 'kind' },
});

export const sanctionMeasures = ['warning', 'suspension', 'revocation'] as const;
export type SanctionMeasure = (typeof sanctionMeasures)[number];

/** The measure the policy proposes for a violation; a suspension has a period (ISO 8601, e.g. P6M). */
export const MeasureSpec = Type.Object(
  {
    measure: StringEnum(sanctionMeasures),
    period: Type.Optional(IsoDuration('how long a suspension lasts, e.g. P6M; only for suspensions')),
  },
  { additionalProperties: false },
);
export type MeasureSpec = Static<typeof MeasureSpec>;

/** What the policy proposes per violation severity, unless the rule names its own measure. */
export type SanctionPolicy = Record<ViolationSeverity, MeasureSpec>;
export const defaultSanctionPolicy: SanctionPolicy = {
  minor: { measure: 'warning' },
  major: { measure: 'suspension', period: 'P6M' },
};

export const Rule = Type.Object(
  {
    id: Slug,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    severity: StringEnum(violationSeverities),
    description: Type.String({ maxLength: 4000 }),
    legalBasis: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    when: Condition,
    sanction: Type.Optional(MeasureSpec),
  },
  { additionalProperties: false },
);
export type Rule = Static<typeof Rule> & { builtIn?: boolean };

/** The operator's rules file (VIOLATION_RULES_FILE); it replaces the built-in rules. */
export const RulesFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    rules: Type.Array(Rule, { maxItems: 200 }),
    sanctions: Type.Optional(
      Type.Object(
        { minor: Type.Optional(MeasureSpec), major: Type.Optional(MeasureSpec) },
        { additionalProperties: false, description: 'the measure proposed per violation severity' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RulesFile = Static<typeof RulesFile>;
