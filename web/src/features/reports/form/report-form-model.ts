import dayjs from 'dayjs';
import type {
  AffectedProduct,
  Exploitation,
  ReportInput,
  ReportTimeline,
  Tier,
  TimelineField,
  Tlp,
  VersionRange,
} from '../../../api/types';
import { pickerToIso } from '../../../components/format';

export interface RangeValues {
  key: string;
  scheme: string;
  introduced: string;
  fixed: string;
  lastAffected: string;
  version: string;
}

export interface ProductValues {
  key: string;
  vendor: string;
  product: string;
  model: string;
  purl: string;
  cpe: string;
  versions: RangeValues[];
}

export type TimelineValues = Record<TimelineField, string | null>;

/** The timeline's timestamps as the form names them; obligations say which one their clock waits for. */
export const timelineFieldLabels: Record<TimelineField, string> = {
  discoveredAt: 'Discovered',
  awareAt: 'Became aware',
  vendorNotifiedAt: 'Vendor notified',
  fixAvailableAt: 'Fix available',
  publiclyDisclosedAt: 'Publicly disclosed',
};

/** The form keeps every input as text; toReportInput turns it into the API's shape. */
export interface ReportFormValues {
  title: string;
  description: string;
  technicalDetails: string;
  impact: string;
  scopeOfImpact: string;
  products: ProductValues[];
  cwes: string[];
  cvssV31: string;
  cvssV40: string;
  exploitation: Exploitation;
  exploitationEvidence: string;
  timeline: TimelineValues;
  cveId: string;
  references: string;
  tlp: Tlp;
  tier: Tier;
  embargoUntil: string | null;
}

let counter = 0;
/** Stable React keys for repeatable rows (not sent to the API). */
export const rowKey = () => `row-${++counter}`;

export const emptyRange = (): RangeValues => ({
  key: rowKey(),
  scheme: 'semver',
  introduced: '',
  fixed: '',
  lastAffected: '',
  version: '',
});

export const emptyProduct = (): ProductValues => ({
  key: rowKey(),
  vendor: '',
  product: '',
  model: '',
  purl: '',
  cpe: '',
  versions: [],
});

const emptyTimeline: TimelineValues = {
  discoveredAt: null,
  awareAt: null,
  vendorNotifiedAt: null,
  fixAvailableAt: null,
  publiclyDisclosedAt: null,
};

export const emptyReportForm = (): ReportFormValues => ({
  title: '',
  description: '',
  technicalDetails: '',
  impact: '',
  scopeOfImpact: '',
  products: [emptyProduct()],
  cwes: [],
  cvssV31: '',
  cvssV40: '',
  exploitation: 'none',
  exploitationEvidence: '',
  timeline: { ...emptyTimeline },
  cveId: '',
  references: '',
  tlp: 'AMBER',
  tier: 'general',
  embargoUntil: null,
});

const opt = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

function toRange(range: RangeValues): VersionRange {
  return {
    scheme: opt(range.scheme) ?? 'semver',
    introduced: opt(range.introduced),
    fixed: opt(range.fixed),
    lastAffected: opt(range.lastAffected),
    version: opt(range.version),
  };
}

function toProduct(product: ProductValues): AffectedProduct {
  return {
    vendor: product.vendor.trim(),
    product: product.product.trim(),
    model: opt(product.model),
    purl: opt(product.purl),
    cpe: opt(product.cpe),
    versions: product.versions.map(toRange),
  };
}

export const referenceLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function toReportInput(values: ReportFormValues): ReportInput {
  const timeline: ReportTimeline = {};
  for (const [field, value] of Object.entries(values.timeline) as [TimelineField, string | null][]) {
    const iso = pickerToIso(value);
    if (iso) timeline[field] = iso;
  }
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    technicalDetails: opt(values.technicalDetails),
    impact: opt(values.impact),
    scopeOfImpact: opt(values.scopeOfImpact),
    // A product row left completely empty is the form's blank starter row, not a product.
    products: values.products.filter((p) => p.vendor.trim() || p.product.trim()).map(toProduct),
    cwes: values.cwes,
    cvssV31: opt(values.cvssV31),
    cvssV40: opt(values.cvssV40),
    exploitation: values.exploitation,
    exploitationEvidence: opt(values.exploitationEvidence),
    timeline,
    cveId: opt(values.cveId)?.toUpperCase(),
    references: referenceLines(values.references).map((url) => ({ url })),
    tlp: values.tlp,
    tier: values.tier,
    embargoUntil: pickerToIso(values.embargoUntil),
  };
}

const toPicker = (iso: string | undefined | null) => (iso ? dayjs(iso).format('YYYY-MM-DDTHH:mm') : null);

/** Prefills the form with a report's current content (for the next stage's submission). */
export function fromReportInput(input: ReportInput): ReportFormValues {
  const timeline = { ...emptyTimeline };
  for (const field of Object.keys(emptyTimeline) as TimelineField[])
    timeline[field] = toPicker(input.timeline?.[field]);
  return {
    title: input.title,
    description: input.description,
    technicalDetails: input.technicalDetails ?? '',
    impact: input.impact ?? '',
    scopeOfImpact: input.scopeOfImpact ?? '',
    products: input.products.map((p) => ({
      key: rowKey(),
      vendor: p.vendor,
      product: p.product,
      model: p.model ?? '',
      purl: p.purl ?? '',
      cpe: p.cpe ?? '',
      versions: p.versions.map((v) => ({
        key: rowKey(),
        scheme: v.scheme,
        introduced: v.introduced ?? '',
        fixed: v.fixed ?? '',
        lastAffected: v.lastAffected ?? '',
        version: v.version ?? '',
      })),
    })),
    cwes: [...input.cwes],
    cvssV31: input.cvssV31 ?? '',
    cvssV40: input.cvssV40 ?? '',
    exploitation: input.exploitation,
    exploitationEvidence: input.exploitationEvidence ?? '',
    timeline,
    cveId: input.cveId ?? '',
    references: input.references.map((r) => r.url).join('\n'),
    tlp: input.tlp,
    tier: input.tier,
    embargoUntil: toPicker(input.embargoUntil),
  };
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The basics the browser can check; the server checks the rest (CVSS metrics, purl, CPE, version order). */
export function validateReportForm(values: ReportFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'A title is required';
  if (!values.description.trim()) errors.description = 'A description is required';
  values.products.forEach((p, i) => {
    const blank = !p.vendor.trim() && !p.product.trim() && !p.purl.trim() && !p.cpe.trim();
    if (blank && values.products.length === 1 && p.versions.length === 0) return;
    if (!p.vendor.trim()) errors[`products.${i}.vendor`] = 'The vendor is required';
    if (!p.product.trim()) errors[`products.${i}.product`] = 'The product is required';
    if (p.purl.trim() && !p.purl.trim().startsWith('pkg:')) errors[`products.${i}.purl`] = 'A purl starts with pkg:';
    if (p.cpe.trim() && !p.cpe.trim().startsWith('cpe:2.3:'))
      errors[`products.${i}.cpe`] = 'A CPE starts with cpe:2.3:';
    p.versions.forEach((v, j) => {
      if (!v.introduced.trim() && !v.fixed.trim() && !v.lastAffected.trim() && !v.version.trim())
        errors[`products.${i}.versions.${j}`] = 'Give a version, or a range (introduced / fixed / last affected)';
    });
  });
  values.cwes.forEach((cwe, i) => {
    if (!/^CWE-[1-9][0-9]*$/.test(cwe)) errors[`cwes.${i}`] = `${cwe} is not a CWE id (CWE-79)`;
  });
  if (values.cvssV31.trim() && !values.cvssV31.trim().startsWith('CVSS:3.1/'))
    errors.cvssV31 = 'A CVSS v3.1 vector starts with CVSS:3.1/';
  if (values.cvssV40.trim() && !values.cvssV40.trim().startsWith('CVSS:4.0/'))
    errors.cvssV40 = 'A CVSS v4.0 vector starts with CVSS:4.0/';
  if (values.cveId.trim() && !/^CVE-[0-9]{4}-[0-9]{4,}$/i.test(values.cveId.trim()))
    errors.cveId = 'A CVE id looks like CVE-2024-12345';
  referenceLines(values.references).forEach((url, i) => {
    if (!isUrl(url)) errors[`references.${i}.url`] = `Line ${i + 1} is not an http(s) URL`;
  });
  return errors;
}

/** Errors (client or server) for everything under a path prefix, joined for one input. */
export function errorsUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
    .map(([, message]) => message);
  return found.length ? found.join('; ') : undefined;
}
