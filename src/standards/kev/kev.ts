import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One entry of the CISA Known Exploited Vulnerabilities catalog, as published (field names as CISA spells them). */
export interface KevVulnerability {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  /** YYYY-MM-DD: when CISA added it, i.e. from when active exploitation is on record. */
  dateAdded: string;
  shortDescription: string;
  requiredAction: string;
  dueDate: string;
  knownRansomwareCampaignUse?: string;
  notes?: string;
  cwes?: string[];
}

export interface KevCatalog {
  title: string | null;
  catalogVersion: string;
  dateReleased: string;
  count: number;
  vulnerabilities: KevVulnerability[];
}

export interface KevFieldError {
  pointer: string;
  detail: string;
}

export type ParseKevResult = { ok: true; catalog: KevCatalog } | { ok: false; errors: KevFieldError[] };

/** The official KEV catalog schema from cisagov/kev-data (vendored, CC0-1.0). */
export const kevSchemaFile = new URL('./schema/known_exploited_vulnerabilities_schema.json', import.meta.url);

let validator: ValidateFunction | undefined;
function compile(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(kevSchemaFile, 'utf8')) as object);
  }
  return validator;
}

const MAX_ERRORS = 20;

/**
 * Checks a KEV catalog against its official schema and that `count` matches the entries; returns the catalog or
 * the problems as JSON pointers (at most 20).
 */
export function parseKevCatalog(json: unknown): ParseKevResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [{ pointer: '', detail: 'a KEV catalog must be a JSON object' }] };
  }
  const validate = compile();
  if (!validate(json)) {
    const errors = (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => ({
      pointer: e.instancePath || '/',
      detail: e.message ?? 'is invalid',
    }));
    return { ok: false, errors };
  }
  const catalog = json as Omit<KevCatalog, 'title'> & { title?: unknown };
  const seen = new Set<string>();
  const errors: KevFieldError[] = [];
  catalog.vulnerabilities.forEach((v, i) => {
    if (seen.has(v.cveID))
      errors.push({ pointer: `/vulnerabilities/${i}/cveID`, detail: `${v.cveID} is listed twice` });
    seen.add(v.cveID);
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return {
    ok: true,
    catalog: {
      title: typeof catalog.title === 'string' ? catalog.title : null,
      catalogVersion: catalog.catalogVersion,
      dateReleased: catalog.dateReleased,
      count: catalog.count,
      vulnerabilities: catalog.vulnerabilities,
    },
  };
}

/** True for something that at least claims to be a KEV catalog (for a clearer message on a wrong file). */
export const isKevCatalogLike = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && Array.isArray((json as { vulnerabilities?: unknown }).vulnerabilities);

/** How a KEV listing reads as evidence of active exploitation (CISA adds only exploited vulnerabilities). */
export const kevExploitationEvidence = (v: Pick<KevVulnerability, 'cveID' | 'dateAdded'>): string =>
  `${v.cveID} is listed in the CISA Known Exploited Vulnerabilities catalog since ${v.dateAdded}`;
