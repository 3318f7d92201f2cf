/**
 * A vulnerability report as mapped from a standard document (CVE JSON 5, CSAF, …), before a partner submits it.
 *
 * Structurally matches the TypeBox `ReportInput` in src/modules/reports/reports.schemas.ts, kept as a plain
 * interface because standards/ must not import modules/. Fields with a default there (exploitation, tlp, tier)
 * are optional here: the reports module applies its defaults.
 */
export interface ReportDraftVersionRange {
  /** How versions compare: 'semver', or 'generic' / another scheme (a CVE `versionType`) for explicit versions. */
  scheme: string;
  introduced?: string;
  fixed?: string;
  lastAffected?: string;
  /** One affected version. */
  version?: string;
}

export interface ReportDraftProduct {
  vendor: string;
  product: string;
  model?: string;
  purl?: string;
  cpe?: string;
  versions: ReportDraftVersionRange[];
}

export interface ReportDraftReference {
  url: string;
  name?: string;
  tags?: string[];
}

export interface ReportDraftTimeline {
  discoveredAt?: string;
  awareAt?: string;
  vendorNotifiedAt?: string;
  fixAvailableAt?: string;
  publiclyDisclosedAt?: string;
}

export interface ReportDraft {
  title: string;
  description: string;
  technicalDetails?: string;
  impact?: string;
  scopeOfImpact?: string;
  products: ReportDraftProduct[];
  cwes: string[];
  cvssV31?: string;
  cvssV40?: string;
  exploitation?: 'none' | 'poc' | 'active';
  exploitationEvidence?: string;
  timeline?: ReportDraftTimeline;
  cveId?: string;
  references: ReportDraftReference[];
  tlp?: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
  tier?: 'general' | 'important' | 'core';
  embargoUntil?: string;
}
