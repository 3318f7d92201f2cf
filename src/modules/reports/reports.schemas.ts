import { type Static, Type } from 'typebox';
import { DateTime, StringEnum } from '../../http/schemas.ts';

export const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof tlps)[number];
export const tiers = ['general', 'important', 'core'] as const;
export const exploitationStates = ['none', 'poc', 'active'] as const;
export const stages = ['initial', 'early_warning', 'notification', 'final_report', 'update'] as const;
export type Stage = (typeof stages)[number];
export const reportStatuses = [
  'received',
  'triaged',
  'confirmed',
  'rejected',
  'duplicate',
  'coordinating',
  'fix_available',
  'published',
  'closed',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const VersionRange = Type.Object(
  {
    scheme: Type.String({
      minLength: 1,
      maxLength: 40,
      default: 'semver',
      description: "How versions compare: 'semver', or 'generic' / another scheme for explicit versions",
    }),
    introduced: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    fixed: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    lastAffected: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'One affected version' })),
  },
  { additionalProperties: false },
);

export const AffectedProduct = Type.Object(
  {
    vendor: Type.String({ minLength: 1, maxLength: 200 }),
    product: Type.String({ minLength: 1, maxLength: 200 }),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    purl: Type.Optional(Type.String({ minLength: 5, maxLength: 1000, description: 'Package URL (purl spec)' })),
    cpe: Type.Optional(Type.String({ minLength: 8, maxLength: 1000, description: 'CPE 2.3 formatted string' })),
    versions: Type.Array(VersionRange, { maxItems: 100, default: [] }),
  },
  { additionalProperties: false },
);
export type AffectedProductInput = Static<typeof AffectedProduct>;

export const Timeline = Type.Object(
  {
    discoveredAt: Type.Optional(DateTime),
    awareAt: Type.Optional(DateTime),
    vendorNotifiedAt: Type.Optional(DateTime),
    fixAvailableAt: Type.Optional(DateTime),
    publiclyDisclosedAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export const timelineFields = [
  'discoveredAt',
  'awareAt',
  'vendorNotifiedAt',
  'fixAvailableAt',
  'publiclyDisclosedAt',
] as const;
export type TimelineField = (typeof timelineFields)[number];

/** A vulnerability report as a partner submits it (web form, API, CLI, or mapped from CVE JSON 5 / CSAF). */
export const ReportInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.String({ minLength: 1, maxLength: 100_000 }),
    technicalDetails: Type.Optional(Type.String({ maxLength: 100_000, description: 'Technical characteristics' })),
    impact: Type.Optional(Type.String({ maxLength: 20_000, description: 'The harm an exploit causes' })),
    scopeOfImpact: Type.Optional(Type.String({ maxLength: 20_000, description: 'Who and what is affected' })),
    products: Type.Array(AffectedProduct, { maxItems: 200, default: [] }),
    cwes: Type.Array(Type.String({ pattern: '^CWE-[1-9][0-9]*$' }), { maxItems: 20, uniqueItems: true, default: [] }),
    cvssV31: Type.Optional(Type.String({ maxLength: 200, description: 'CVSS v3.1 vector, e.g. CVSS:3.1/AV:N/…' })),
    cvssV40: Type.Optional(Type.String({ maxLength: 300, description: 'CVSS v4.0 vector, e.g. CVSS:4.0/AV:N/…' })),
    exploitation: StringEnum(exploitationStates, { default: 'none' }),
    exploitationEvidence: Type.Optional(Type.String({ maxLength: 20_000 })),
    timeline: Type.Optional(Timeline),
    cveId: Type.Optional(Type.String({ pattern: '^CVE-[0-9]{4}-[0-9]{4,}$' })),
    references: Type.Array(
      Type.Object(
        {
          url: Type.String({ format: 'uri', maxLength: 2000 }),
          name: Type.Optional(Type.String({ maxLength: 500 })),
          tags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200, default: [] },
    ),
    tlp: StringEnum(tlps, { default: 'AMBER' }),
    tier: StringEnum(tiers, { default: 'general' }),
    embargoUntil: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInput>;
