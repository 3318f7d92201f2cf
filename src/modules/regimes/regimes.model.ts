import { type Static, Type } from 'typebox';
import { StringEnum } from '../../http/schemas.ts';

// The report vocabularies, as src/modules/reports/reports.schemas.ts defines them. Modules import each other only
// through index.ts and the reports module has none yet: import them from there once it does.
export const stages = ['initial', 'early_warning', 'notification', 'final_report', 'update'] as const;
export type Stage = (typeof stages)[number];
export const exploitationStates = ['none', 'poc', 'active'] as const;
export type Exploitation = (typeof exploitationStates)[number];
export const tiers = ['general', 'important', 'core'] as const;
export const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** Severity as the reports store it: the highest of the CVSS vectors given, or unknown. */
export const severities = ['none', 'low', 'medium', 'high', 'critical', 'unknown'] as const;
export type Severity = (typeof severities)[number];
/** Ranking for `severityAtLeast`; `unknown` ranks below everything, so it never satisfies a threshold. */
export const severityRank: Record<Severity, number> = { unknown: -1, none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** The report timestamps an obligation's clock can start from. */
export const triggers = [
  'awareAt',
  'publiclyDisclosedAt',
  'fixAvailableAt',
  'discoveredAt',
  'vendorNotifiedAt',
  'receivedAt',
] as const;
export type Trigger = (typeof triggers)[number];

const OneOrMore = <T extends readonly string[]>(values: T) =>
  Type.Array(StringEnum(values), { minItems: 1, uniqueItems: true });

/**
 * Conditions over report facts; every key given must hold (AND). Lists mean "any of".
 * The vocabulary is deliberately small: whatever a regime needs beyond it is a code change with a test.
 */
export const Conditions = Type.Object(
  {
    exploitation: Type.Optional(OneOrMore(exploitationStates)),
    severity: Type.Optional(OneOrMore(severities)),
    severityAtLeast: Type.Optional(StringEnum(['low', 'medium', 'high', 'critical'] as const)),
    tier: Type.Optional(OneOrMore(tiers)),
    tlp: Type.Optional(OneOrMore(tlps)),
    cvePresent: Type.Optional(Type.Boolean()),
    thirdPartyComponent: Type.Optional(
      Type.Boolean({ description: 'The report concerns a component (an affected product with a purl)' }),
    ),
    productVendor: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        minItems: 1,
        description: 'Any affected product has one of these vendors (case-insensitive)',
      }),
    ),
    purlType: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z][a-z0-9.+-]*$' }), {
        minItems: 1,
        description: "Any affected product's purl has one of these types (npm, maven, pypi, …)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type Conditions = Static<typeof Conditions>;

/**
 * A field of the report content, slash-separated like a JSON pointer without the leading slash; `*` means
 * "every element" (and at least one); `a|b` means either is enough (`cvssV31|cvssV40`).
 */
const FieldPath = Type.String({ pattern: '^[A-Za-z*][A-Za-z0-9*]*(/[A-Za-z0-9*]+)*(\\|[A-Za-z*][A-Za-z0-9*/]*)*$' });

export const ObligationSpec = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    stage: StringEnum(stages),
    trigger: StringEnum(triggers),
    period: Type.String({ minLength: 2, maxLength: 40, description: 'ISO 8601 duration, e.g. P2D or PT72H' }),
    requiredFields: Type.Array(FieldPath, { maxItems: 50, uniqueItems: true, default: [] }),
    conditions: Type.Optional(Conditions),
    satisfiedBy: Type.Optional(
      Type.Array(StringEnum(stages), {
        minItems: 1,
        uniqueItems: true,
        description: 'Stages whose submissions meet it; default: its own stage and every later one',
      }),
    ),
    legalReference: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ObligationSpec = Static<typeof ObligationSpec>;

export const Regime = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.String({ maxLength: 4000, default: '' }),
    legalBasis: Type.String({ minLength: 1, maxLength: 1000 }),
    appliesTo: Type.Optional(Conditions),
    obligations: Type.Array(ObligationSpec, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Regime = Static<typeof Regime> & { builtIn?: boolean };

/** The operator's regimes file (REGIMES_FILE). */
export const RegimesFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    regimes: Type.Array(Regime, { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type RegimesFile = Static<typeof RegimesFile>;
