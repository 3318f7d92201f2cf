/** The parts of a CVE JSON 5 record (CVE Record Format 5.0–5.2) that threatshare reads. Everything is optional:
 * real records are checked field by field, never trusted to match the schema. */

export interface Cve5Description {
  lang?: string;
  value?: string;
}

export interface Cve5VersionChange {
  at?: string;
  status?: string;
}

export interface Cve5Version {
  version?: string;
  status?: string;
  versionType?: string;
  lessThan?: string;
  lessThanOrEqual?: string;
  changes?: Cve5VersionChange[];
}

export interface Cve5Affected {
  vendor?: string;
  product?: string;
  collectionURL?: string;
  packageName?: string;
  cpes?: string[];
  defaultStatus?: string;
  versions?: Cve5Version[];
}

export interface Cve5CvssData {
  version?: string;
  baseScore?: number;
  baseSeverity?: string;
  vectorString?: string;
}

export interface Cve5Metric {
  cvssV4_0?: Cve5CvssData;
  cvssV3_1?: Cve5CvssData;
  cvssV3_0?: Cve5CvssData;
  cvssV2_0?: Cve5CvssData;
}

export interface Cve5Reference {
  url?: string;
  name?: string;
  tags?: string[];
}

export interface Cve5ProblemType {
  descriptions?: { cweId?: string; description?: string; lang?: string; type?: string }[];
}

export interface Cve5Container {
  providerMetadata?: { shortName?: string; orgId?: string; dateUpdated?: string };
  title?: string;
  descriptions?: Cve5Description[];
  rejectedReasons?: Cve5Description[];
  affected?: Cve5Affected[];
  metrics?: Cve5Metric[];
  problemTypes?: Cve5ProblemType[];
  references?: Cve5Reference[];
  datePublic?: string;
}

export interface Cve5Record {
  dataType?: string;
  dataVersion?: string;
  cveMetadata?: {
    cveId?: string;
    state?: string;
    assignerShortName?: string;
    assignerOrgId?: string;
    dateReserved?: string;
    datePublished?: string;
    dateUpdated?: string;
    dateRejected?: string;
  };
  containers?: { cna?: Cve5Container; adp?: Cve5Container[] };
}

export const cveStates = ['PUBLISHED', 'REJECTED', 'RESERVED'] as const;
export type CveState = (typeof cveStates)[number];

export interface CvssSummary {
  version: '4.0' | '3.1' | '3.0' | '2.0';
  score: number;
  severity: string | null;
  vector: string | null;
  /** Who scored it: `cna` or the ADP's short name (e.g. CISA-ADP). */
  source: string;
}

/** What threatshare keeps of a CVE record besides the record itself. */
export interface ParsedCve {
  cveId: string;
  state: CveState;
  assignerShortName: string | null;
  dataVersion: string;
  title: string | null;
  /** The English description (or the first one when none is English). */
  description: string | null;
  cwes: string[];
  cvss: CvssSummary | null;
  dateReserved: Date | null;
  datePublished: Date | null;
  dateUpdated: Date | null;
  products: { vendor: string; product: string }[];
  /** How many problems the official schema found (0 when not checked); import goes on regardless. */
  schemaProblems: number;
  record: Cve5Record;
}

/** A problem with a field, as a JSON pointer into the record. */
export interface CveFieldError {
  pointer: string;
  detail: string;
}

export type ParseCveResult = { ok: true; record: ParsedCve } | { ok: false; errors: CveFieldError[] };
