import { checkCpe23 } from './cpe.ts';
import { type CvssScore, type Severity, scoreCvss, severities } from './cvss.ts';
import { checkCwe } from './cwe.ts';
import { checkPurl } from './purl.ts';
import { checkVersionRange, type VersionRangeInput } from './versions.ts';

/**
 * Semantic checks of a vulnerability report beyond its JSON Schema: CVSS vectors, purl, CPE 2.3, CWE ids and
 * version ranges. Pure; the reports service turns `errors` into a validation error (nothing written).
 */

/** The parts of a report (ReportInput / ReportDraft) these checks read. */
export interface CheckableReport {
  products: {
    vendor: string;
    product: string;
    purl?: string | undefined;
    cpe?: string | undefined;
    versions: VersionRangeInput[];
  }[];
  cwes: string[];
  cvssV31?: string | undefined;
  cvssV40?: string | undefined;
}

export interface ReportCheckError {
  /** JSON pointer into the report, e.g. `/products/0/purl`. */
  pointer: string;
  detail: string;
}

export type ScoredCvss = Pick<CvssScore, 'baseScore' | 'severity' | 'vector' | 'version'>;

export interface ReportChecks {
  errors: ReportCheckError[];
  cvss: { v31?: ScoredCvss; v40?: ScoredCvss };
  /** The highest severity of the valid vectors; `unknown` when there is none. */
  severity: Severity | 'unknown';
}

function checkCvssField(
  pointer: string,
  vector: string,
  versions: readonly string[],
  errors: ReportCheckError[],
): ScoredCvss | undefined {
  const result = scoreCvss(vector);
  if (!result.ok) {
    errors.push({ pointer, detail: `invalid CVSS vector: ${result.problem}` });
    return undefined;
  }
  if (!versions.includes(result.version)) {
    errors.push({ pointer, detail: `expected a CVSS ${versions.join(' or ')} vector, got CVSS ${result.version}` });
    return undefined;
  }
  const { ok: _ok, ...score } = result;
  return score;
}

function checkProducts(report: CheckableReport, errors: ReportCheckError[]): void {
  for (const [i, product] of report.products.entries()) {
    const at = `/products/${i}`;
    const named = product.vendor.trim() !== '' && product.product.trim() !== '';
    if (!named && product.purl === undefined && product.cpe === undefined) {
      errors.push({ pointer: at, detail: 'identify the product by vendor and product, or by a purl or CPE' });
    }
    if (product.purl !== undefined) {
      const purl = checkPurl(product.purl);
      if (!purl.ok) errors.push({ pointer: `${at}/purl`, detail: purl.problem });
    }
    if (product.cpe !== undefined) {
      const cpe = checkCpe23(product.cpe);
      if (!cpe.ok) errors.push({ pointer: `${at}/cpe`, detail: `invalid CPE: ${cpe.problem}` });
    }
    for (const [j, range] of product.versions.entries()) {
      const result = checkVersionRange(range);
      if (result.ok) continue;
      const pointer = `${at}/versions/${j}${result.field ? `/${result.field}` : ''}`;
      errors.push({ pointer, detail: result.problem });
    }
  }
}

const rank = (s: Severity) => severities.indexOf(s);

/** Runs every semantic check on a report; collects all problems rather than stopping at the first. */
export function checkReportDraft(report: CheckableReport): ReportChecks {
  const errors: ReportCheckError[] = [];
  const cvss: ReportChecks['cvss'] = {};
  // The v3.1 field also takes v3.0 vectors: CVE records and CSAF documents still carry them.
  if (report.cvssV31 !== undefined) {
    const v31 = checkCvssField('/cvssV31', report.cvssV31, ['3.1', '3.0'], errors);
    if (v31) cvss.v31 = v31;
  }
  if (report.cvssV40 !== undefined) {
    const v40 = checkCvssField('/cvssV40', report.cvssV40, ['4.0'], errors);
    if (v40) cvss.v40 = v40;
  }
  checkProducts(report, errors);
  for (const [i, id] of report.cwes.entries()) {
    const cwe = checkCwe(id);
    if (!cwe.ok) errors.push({ pointer: `/cwes/${i}`, detail: cwe.problem });
  }
  const scored = [cvss.v31, cvss.v40].filter((s): s is ScoredCvss => s !== undefined);
  const severity = scored.reduce<Severity | 'unknown'>(
    (worst, s) => (worst === 'unknown' || rank(s.severity) > rank(worst) ? s.severity : worst),
    'unknown',
  );
  return { errors, cvss, severity };
}
