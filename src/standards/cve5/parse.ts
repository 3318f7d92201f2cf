import type {
  Cve5Container,
  Cve5Description,
  Cve5Record,
  CveFieldError,
  CveState,
  CvssSummary,
  ParseCveResult,
} from './cve5.types.ts';
import { cveStates } from './cve5.types.ts';
import { schemaProblems } from './schema.ts';

export const CVE_ID_PATTERN = /^CVE-[0-9]{4}-[0-9]{4,19}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * True for anything shaped like a CVE record, so an importer can skip other JSON (cvelistV5's delta.json,
 * deltaLog.json) instead of calling it broken.
 */
export function isCveRecordLike(json: unknown): boolean {
  return isObject(json) && (json.dataType === 'CVE_RECORD' || isObject(json.cveMetadata));
}

/**
 * Real records carry timestamps without a zone (`2021-12-10T00:00:00`) or as a bare date; CVE JSON 5 means UTC
 * (schema `timestamp`: "If timezone offset is not given, GMT (+00:00) should be assumed").
 */
export function parseCveTimestamp(value: unknown): Date | null {
  const raw = text(value)?.trim();
  if (!raw) return null;
  let iso = raw;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso = `${iso}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso = `${iso.replace(' ', 'T')}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The English description (en, en-US, …), else the first one. */
export function englishText(items: readonly Cve5Description[] | undefined): string | null {
  if (!Array.isArray(items)) return null;
  const english = items.find((d) => typeof d?.lang === 'string' && /^en\b/i.test(d.lang) && text(d.value));
  return text((english ?? items.find((d) => text(d?.value)))?.value);
}

/** CWE ids from problemTypes, `cweId` first, else a `CWE-n` at the start of the description; unique, in order. */
export function cwesOf(container: Cve5Container | undefined): string[] {
  const found = new Set<string>();
  for (const problem of Array.isArray(container?.problemTypes) ? container.problemTypes : []) {
    for (const d of Array.isArray(problem?.descriptions) ? problem.descriptions : []) {
      const id = text(d?.cweId) ?? /^(CWE-\d+)\b/.exec(text(d?.description) ?? '')?.[1] ?? null;
      if (id && /^CWE-[1-9][0-9]*$/.test(id)) found.add(id);
    }
  }
  return [...found];
}

const metricKeys = [
  ['cvssV4_0', '4.0'],
  ['cvssV3_1', '3.1'],
  ['cvssV3_0', '3.0'],
  ['cvssV2_0', '2.0'],
] as const;

/** CVSS v2 has no severity in the data: NVD's bands. */
const v2Severity = (score: number) => (score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW');

function bestCvssIn(container: Cve5Container | undefined, source: string): CvssSummary | null {
  const metrics = Array.isArray(container?.metrics) ? container.metrics : [];
  for (const [key, version] of metricKeys) {
    for (const metric of metrics) {
      const data = isObject(metric) ? metric[key] : undefined;
      if (!isObject(data) || typeof data.baseScore !== 'number') continue;
      const severity =
        text(data.baseSeverity)?.toUpperCase() ?? (version === '2.0' ? v2Severity(data.baseScore) : null);
      return { version, score: data.baseScore, severity, vector: text(data.vectorString), source };
    }
  }
  return null;
}

/** The newest CVSS version the CNA gives, else the first ADP's (CISA vulnrichment scores many records). */
export function bestCvss(record: Cve5Record): CvssSummary | null {
  const cna = bestCvssIn(record.containers?.cna, 'cna');
  if (cna) return cna;
  for (const adp of Array.isArray(record.containers?.adp) ? record.containers.adp : []) {
    const found = bestCvssIn(adp, text(adp?.providerMetadata?.shortName) ?? 'adp');
    if (found) return found;
  }
  return null;
}

/** Vendor/product pairs; package entries (collectionURL + packageName) count with the collection as vendor. */
export function productsOf(container: Cve5Container | undefined): { vendor: string; product: string }[] {
  const seen = new Map<string, { vendor: string; product: string }>();
  for (const a of Array.isArray(container?.affected) ? container.affected : []) {
    const vendor = text(a?.vendor) ?? text(a?.collectionURL);
    const product = text(a?.product) ?? text(a?.packageName);
    if (!vendor || !product) continue;
    seen.set(`${vendor}\u0000${product}`, { vendor, product });
  }
  return [...seen.values()];
}

function fatalErrors(json: Record<string, unknown>): CveFieldError[] {
  const errors: CveFieldError[] = [];
  if (json.dataType !== undefined && json.dataType !== 'CVE_RECORD') {
    errors.push({ pointer: '/dataType', detail: "must be 'CVE_RECORD'" });
  }
  const version = json.dataVersion;
  if (typeof version !== 'string' || !/^5(\.\d+){0,2}$/.test(version)) {
    errors.push({ pointer: '/dataVersion', detail: 'must be a CVE JSON 5 version such as 5.1' });
  }
  const meta = json.cveMetadata;
  if (!isObject(meta)) {
    errors.push({ pointer: '/cveMetadata', detail: 'is required' });
    return errors;
  }
  if (typeof meta.cveId !== 'string' || !CVE_ID_PATTERN.test(meta.cveId)) {
    errors.push({ pointer: '/cveMetadata/cveId', detail: 'must be a CVE id such as CVE-2021-44228' });
  }
  if (!cveStates.includes(meta.state as CveState)) {
    errors.push({ pointer: '/cveMetadata/state', detail: `must be one of ${cveStates.join(', ')}` });
  }
  if (meta.state === 'PUBLISHED' && !isObject((json.containers as Record<string, unknown> | undefined)?.cna)) {
    errors.push({ pointer: '/containers/cna', detail: 'is required for a published record' });
  }
  return errors;
}

export interface ParseCveOptions {
  /** Also count problems the official CVE 5.1 schema finds (about 0.2 ms a record). Default true. */
  checkSchema?: boolean;
}

/**
 * Reads a CVE JSON 5 record (dataVersion 5.0–5.2, PUBLISHED, REJECTED or RESERVED), tolerating what real records
 * get wrong (timestamps without a zone, missing metrics); fails only when the record cannot be identified.
 */
export function parseCveRecord(json: unknown, options: ParseCveOptions = {}): ParseCveResult {
  if (!isObject(json)) return { ok: false, errors: [{ pointer: '', detail: 'a CVE record must be a JSON object' }] };
  const errors = fatalErrors(json);
  if (errors.length > 0) return { ok: false, errors };
  const record = json as Cve5Record;
  const meta = record.cveMetadata!;
  const cna = record.containers?.cna;
  const rejected = meta.state === 'REJECTED';
  return {
    ok: true,
    record: {
      cveId: meta.cveId!,
      state: meta.state as CveState,
      assignerShortName: text(meta.assignerShortName),
      dataVersion: record.dataVersion!,
      title: text(cna?.title),
      description: rejected ? englishText(cna?.rejectedReasons) : englishText(cna?.descriptions),
      cwes: cwesOf(cna),
      cvss: bestCvss(record),
      dateReserved: parseCveTimestamp(meta.dateReserved),
      datePublished: parseCveTimestamp(meta.datePublished),
      dateUpdated: parseCveTimestamp(meta.dateUpdated),
      products: productsOf(cna),
      schemaProblems: options.checkSchema === false ? 0 : schemaProblems(json),
      record,
    },
  };
}
