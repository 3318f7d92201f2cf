import type { PartnerStatus } from '../modules/organisations/index.ts';
import type { ReportInput, Stage } from '../modules/reports/index.ts';
import type { OrgKind, Role } from '../shared/principal.ts';

/**
 * The demo world as data: who is in it, and what happened when. src/demo/seed.ts plays it through the real
 * services with a clock set to each event's time, so every timestamp, receipt and audit entry is as it would be.
 * Everything here is invented except the public CVE/KEV data the reports draw on.
 */

/** One password for every demo account: this is sample data, printed on every start. */
export const DEMO_PASSWORD = 'threatshare-demo';

export const orgKeys = ['operator', 'cloud', 'network', 'research', 'bank', 'hospital', 'energy'] as const;
export type OrgKey = (typeof orgKeys)[number];
export const demoRoles = ['admin', 'analyst', 'reporter', 'viewer'] as const satisfies readonly Role[];
export type DemoRole = (typeof demoRoles)[number];
/** Every organisation has one account per role: `analyst@operator.demo`, `reporter@cloud.demo`, … */
export type UserRef = `${DemoRole}@${OrgKey}.demo`;

export const demoEmail = (role: DemoRole, org: OrgKey): UserRef => `${role}@${org}.demo`;

export interface DemoOrg {
  key: OrgKey;
  name: string;
  shortName: string;
  kind: OrgKind;
  country?: string;
  sector?: string;
  /** Built-in reporting regimes assigned to it (src/modules/regimes/regimes.builtin.ts). */
  regimes: string[];
}

/** The operator comes first: it must exist before anyone else is admitted. */
export const demoOrgs: readonly DemoOrg[] = [
  {
    key: 'operator',
    name: 'National Vulnerability Sharing Platform (DEMO)',
    shortName: 'NVSP',
    kind: 'operator',
    sector: 'Government CERT',
    regimes: [],
  },
  {
    key: 'cloud',
    name: 'Nimbus Cloud Services (DEMO)',
    shortName: 'Nimbus',
    kind: 'partner',
    country: 'CN',
    sector: 'Cloud services',
    regimes: ['cn-2021', 'eu-cra-art14'],
  },
  {
    key: 'network',
    name: 'Northwind Networks (DEMO)',
    shortName: 'Northwind',
    kind: 'partner',
    country: 'DE',
    sector: 'Network equipment',
    regimes: ['cve-cna'],
  },
  {
    key: 'research',
    name: 'Lighthouse Security Research (DEMO)',
    shortName: 'Lighthouse',
    kind: 'researcher',
    country: 'NL',
    sector: 'Security research',
    regimes: [],
  },
  {
    key: 'bank',
    name: 'Harbour Bank (DEMO)',
    shortName: 'Harbour',
    kind: 'member',
    country: 'FR',
    sector: 'Banking',
    regimes: [],
  },
  {
    key: 'hospital',
    name: 'St. Example University Hospital (DEMO)',
    shortName: 'St. Example',
    kind: 'member',
    country: 'AT',
    sector: 'Health care',
    regimes: [],
  },
  {
    key: 'energy',
    name: 'Gridline Energy (DEMO)',
    shortName: 'Gridline',
    kind: 'member',
    country: 'DK',
    sector: 'Energy',
    regimes: [],
  },
];

/** When the world begins: organisations admitted, accounts created, public CVE/KEV data imported. */
export const WORLD_START = '2021-11-01T08:00:00.000Z';

/**
 * An event's (or a report timeline's) time: an ISO timestamp, or `now-<n><m|h|d>` relative to when the world is
 * seeded, for the few things that should look recent (a report that has just arrived, its deadline running).
 */
export type At = string;

export interface StatusChange {
  at: At;
  org: OrgKey;
  by: UserRef;
  status: PartnerStatus;
  reason: string;
  legalBasis?: string;
  until?: string;
}

/**
 * Partner status changed by hand. The late reporter's warning, suspension, review and reinstatement come from the
 * sanctions programme instead (src/demo/world.sanctions.ts).
 */
export const statusHistory: readonly StatusChange[] = [
  {
    at: '2025-11-10T09:00:00.000Z',
    org: 'network',
    by: 'admin@operator.demo',
    status: 'warned',
    reason: 'No answer to the coordination request on the NX-series web UI report for more than 30 days.',
    legalBasis: 'Partner agreement §5.2 (answer coordination requests within 14 days)',
  },
];

/** What happens to a report after it is created, in time order; `by` is who does it. */
export type ReportStep = { at: At; by: UserRef } & (
  | { do: 'stage'; stage: Stage; patch?: Partial<ReportInput> }
  | {
      do: 'timeline';
      field: 'fixAvailableAt' | 'publiclyDisclosedAt' | 'vendorNotifiedAt';
      value: string;
      reason: string;
    }
  | { do: 'transition'; to: DemoStatus; reason: string; duplicateOf?: string }
  | { do: 'assign'; to: UserRef }
  | { do: 'comment'; body: string }
  | { do: 'vendor'; org: OrgKey }
  | {
      do: 'statement';
      productIndex: number;
      status: 'known_affected' | 'known_not_affected' | 'fixed' | 'under_investigation';
      justification?: 'component_not_present' | 'vulnerable_code_not_present';
      statement: string;
    }
  | { do: 'attach'; filename: string; mediaType: 'text/plain'; text: string }
);

export type DemoStatus =
  | 'triaged'
  | 'confirmed'
  | 'rejected'
  | 'duplicate'
  | 'coordinating'
  | 'fix_available'
  | 'published'
  | 'closed';

export interface DemoReport {
  /** How other steps refer to it (duplicateOf). */
  key: string;
  /** Submitted at `at` by `by`, as the first stage. */
  submitted: { at: At; by: UserRef; stage: Stage };
  /** Drafted from the imported CVE record (src/standards/cve5 cve5ToReportDraft), then `content` on top. */
  fromCve?: string;
  content: Partial<ReportInput>;
  steps: readonly ReportStep[];
}

export interface DemoAccount {
  email: UserRef;
  name: string;
  role: DemoRole;
  org: OrgKey;
}

/** One account per organisation and role, all with DEMO_PASSWORD. */
export const demoAccounts: readonly DemoAccount[] = demoOrgs.flatMap((org) =>
  demoRoles.map((role) => ({
    email: demoEmail(role, org.key),
    name: `${org.shortName} ${role} (demo)`,
    role,
    org: org.key,
  })),
);

/** Resolves an event time; `now-3h` counts back from `now`. */
export function resolveAt(at: At, now: Date): Date {
  const relative = /^now-(\d+)([mhd])$/.exec(at);
  if (!relative) return new Date(at);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 'm' | 'h' | 'd'];
  return new Date(now.getTime() - Number(relative[1]) * unit);
}
