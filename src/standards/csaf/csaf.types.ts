/**
 * The parts of a CSAF 2.0 document (OASIS CSAF v2.0, §3) that threatshare reads. The official JSON Schema is the
 * full definition; these types only describe what the mapper touches, all optional beyond what the schema requires.
 */

export interface CsafNote {
  category: string;
  text: string;
  title?: string;
}

export interface CsafReference {
  url: string;
  summary: string;
  category?: 'self' | 'external';
}

export interface CsafProductIdentificationHelper {
  cpe?: string;
  purl?: string;
}

export interface CsafFullProductName {
  name: string;
  product_id: string;
  product_identification_helper?: CsafProductIdentificationHelper;
}

/** §3.1.2.2 branch categories: vendor, product_family, product_name, product_version, … */
export interface CsafBranch {
  category: string;
  name: string;
  branches?: CsafBranch[];
  product?: CsafFullProductName;
}

export interface CsafRelationship {
  category: string;
  full_product_name: CsafFullProductName;
  product_reference: string;
  relates_to_product_reference: string;
}

export interface CsafProductTree {
  branches?: CsafBranch[];
  full_product_names?: CsafFullProductName[];
  relationships?: CsafRelationship[];
  product_groups?: { group_id: string; product_ids: string[] }[];
}

export const productStatuses = [
  'first_affected',
  'first_fixed',
  'fixed',
  'known_affected',
  'known_not_affected',
  'last_affected',
  'recommended',
  'under_investigation',
] as const;
export type CsafProductStatus = Partial<Record<(typeof productStatuses)[number], string[]>>;

export interface CsafScore {
  products: string[];
  cvss_v2?: { vectorString?: string; baseScore?: number };
  cvss_v3?: { version?: string; vectorString?: string; baseScore?: number };
  /** Not in CSAF 2.0 (added in 2.1); read when a producer includes it. */
  cvss_v4?: { vectorString?: string; baseScore?: number };
}

export interface CsafVulnerability {
  cve?: string;
  cwe?: { id: string; name: string };
  title?: string;
  notes?: CsafNote[];
  references?: CsafReference[];
  discovery_date?: string;
  release_date?: string;
  product_status?: CsafProductStatus;
  scores?: CsafScore[];
  threats?: { category: string; details: string; product_ids?: string[] }[];
  remediations?: { category: string; details: string; date?: string; product_ids?: string[] }[];
}

export interface CsafDocument {
  document: {
    category: string;
    csaf_version: string;
    title: string;
    lang?: string;
    notes?: CsafNote[];
    references?: CsafReference[];
    publisher: { category: string; name: string; namespace: string };
    distribution?: { text?: string; tlp?: { label: 'WHITE' | 'GREEN' | 'AMBER' | 'RED'; url?: string } };
    tracking: { id: string; current_release_date: string; initial_release_date: string; version: string };
  };
  product_tree?: CsafProductTree;
  vulnerabilities?: CsafVulnerability[];
}
