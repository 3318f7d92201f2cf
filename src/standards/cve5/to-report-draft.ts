import type {
  ReportDraft,
  ReportDraftProduct,
  ReportDraftReference,
  ReportDraftVersionRange,
} from '../report-draft.ts';
import type { Cve5Affected, Cve5Container, Cve5Version, ParsedCve } from './cve5.types.ts';

// Limits of ReportInput (src/modules/reports/reports.schemas.ts): a draft from a real record must stay valid.
const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
const MAX_VERSION = 100;
const MAX_PRODUCTS = 200;
const MAX_RANGES = 100;
const MAX_REFERENCES = 200;
const MAX_CWES = 20;

/** Version strings that say "unknown" rather than name a version. */
const unknownVersion = (v: string | undefined): v is undefined =>
  v === undefined || ['', '*', '-', 'n/a', 'unspecified', 'unknown'].includes(v.trim().toLowerCase());

const bound = (v: string | undefined): string | undefined => (unknownVersion(v) ? undefined : clip(v, MAX_VERSION));

function range(scheme: string, parts: Omit<ReportDraftVersionRange, 'scheme'>): ReportDraftVersionRange | null {
  const out: ReportDraftVersionRange = { scheme };
  for (const key of ['introduced', 'fixed', 'lastAffected', 'version'] as const) {
    const value = parts[key];
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length > 1 ? out : null;
}

/**
 * One CVE `versions` entry as ranges (CVE JSON 5 §versions): `version` + `lessThan` → introduced/fixed,
 * `lessThanOrEqual` → lastAffected, neither → one version; `changes` split the range where the status flips.
 */
export function versionRangesOf(v: Cve5Version): ReportDraftVersionRange[] {
  if (v.status !== 'affected') return [];
  const scheme = clip(typeof v.versionType === 'string' && v.versionType ? v.versionType : 'generic', 40);
  const start = bound(v.version);
  const end = { fixed: bound(v.lessThan), lastAffected: bound(v.lessThanOrEqual) };
  if (!v.lessThan && !v.lessThanOrEqual) return [range(scheme, { version: start })].filter((r) => r !== null);
  const ranges: (ReportDraftVersionRange | null)[] = [];
  let open: string | undefined | null = start; // null: currently unaffected
  for (const change of Array.isArray(v.changes) ? v.changes : []) {
    const at = bound(change?.at);
    if (!at) continue;
    if (change.status === 'unaffected' && open !== null) {
      ranges.push(range(scheme, { introduced: open, fixed: at }));
      open = null;
    } else if (change.status === 'affected' && open === null) {
      open = at;
    }
  }
  if (open !== null) ranges.push(range(scheme, { introduced: open, ...end }));
  return ranges.filter((r) => r !== null);
}

function productOf(a: Cve5Affected): ReportDraftProduct | null {
  const vendor = a.vendor?.trim() || a.collectionURL?.trim();
  const product = a.product?.trim() || a.packageName?.trim();
  if (!vendor || !product) return null;
  const versions = (Array.isArray(a.versions) ? a.versions : []).flatMap((v) => versionRangesOf(v ?? {}));
  const out: ReportDraftProduct = {
    vendor: clip(vendor, 200),
    product: clip(product, 200),
    versions: versions.slice(0, MAX_RANGES),
  };
  const cpe = (Array.isArray(a.cpes) ? a.cpes : []).find((c) => typeof c === 'string' && c.startsWith('cpe:2.3:'));
  if (cpe && cpe.length <= 1000) out.cpe = cpe;
  if (a.collectionURL && a.packageName && /^pkg:/.test(a.collectionURL)) out.purl = clip(a.collectionURL, 1000);
  return out;
}

function referencesOf(cna: Cve5Container | undefined): ReportDraftReference[] {
  const seen = new Set<string>();
  const out: ReportDraftReference[] = [];
  for (const r of Array.isArray(cna?.references) ? cna.references : []) {
    const url = typeof r?.url === 'string' ? r.url.trim() : '';
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(url) || url.length > 2000 || seen.has(url)) continue;
    seen.add(url);
    const ref: ReportDraftReference = { url };
    if (typeof r.name === 'string' && r.name.trim()) ref.name = clip(r.name.trim(), 500);
    const tags = (Array.isArray(r.tags) ? r.tags : []).filter((t) => typeof t === 'string' && t && t.length <= 100);
    if (tags.length > 0) ref.tags = tags.slice(0, 20);
    out.push(ref);
    if (out.length === MAX_REFERENCES) break;
  }
  return out;
}

/** A vector of the given CVSS version from the CNA, else from an ADP (CISA vulnrichment). */
function vectorOf(record: ParsedCve['record'], key: 'cvssV3_1' | 'cvssV4_0', prefix: string): string | undefined {
  const containers = [record.containers?.cna, ...(Array.isArray(record.containers?.adp) ? record.containers.adp : [])];
  for (const container of containers) {
    for (const metric of Array.isArray(container?.metrics) ? container.metrics : []) {
      const vector = metric?.[key]?.vectorString;
      if (typeof vector === 'string' && vector.startsWith(prefix)) return vector;
    }
  }
  return undefined;
}

/** Maps a parsed CVE record to a report draft: what a partner would otherwise type into the report form. */
export function cve5ToReportDraft(cve: ParsedCve): ReportDraft {
  const cna = cve.record.containers?.cna;
  const description = cve.description ?? cve.title ?? `${cve.cveId} (${cve.state.toLowerCase()})`;
  const draft: ReportDraft = {
    title: clip(cve.title ?? `${cve.cveId}: ${description.split(/(?<=[.!?])\s/)[0] ?? description}`, 500),
    description: clip(description, 100_000),
    products: (Array.isArray(cna?.affected) ? cna.affected : [])
      .map((a) => productOf(a ?? {}))
      .filter((p) => p !== null)
      .slice(0, MAX_PRODUCTS),
    cwes: cve.cwes.slice(0, MAX_CWES),
    cveId: cve.cveId,
    references: referencesOf(cna),
  };
  const cvssV31 = vectorOf(cve.record, 'cvssV3_1', 'CVSS:3.1/');
  const cvssV40 = vectorOf(cve.record, 'cvssV4_0', 'CVSS:4.0/');
  if (cvssV31 && cvssV31.length <= 200) draft.cvssV31 = cvssV31;
  if (cvssV40 && cvssV40.length <= 300) draft.cvssV40 = cvssV40;
  if (cve.datePublished) draft.timeline = { publiclyDisclosedAt: cve.datePublished.toISOString() };
  return draft;
}
