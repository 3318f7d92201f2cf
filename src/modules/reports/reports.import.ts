import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { type FieldError, validationError } from '../../shared/errors.ts';
import type { Principal } from '../../shared/principal.ts';
import { csafToReportDrafts, parseCsaf } from '../../standards/csaf/index.ts';
import { cve5ToReportDraft, parseCveRecord } from '../../standards/cve5/index.ts';
import type { ReportDraft } from '../../standards/report-draft.ts';
import { checkVersionRange } from '../../standards/versions.ts';
import type { IntakeOptions } from './reports.intake.ts';
import { ReportInput, type Stage } from './reports.schemas.ts';

export const importFormats = ['cve5', 'csaf'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What the uploader decides that the document does not say. */
export interface ImportOverrides {
  tlp?: ReportInput['tlp'];
  tier?: ReportInput['tier'];
  exploitation?: ReportInput['exploitation'];
  timeline?: ReportInput['timeline'];
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
addFormats.default(ajv);
const validateInput = ajv.compile<ReportInput>(ReportInput);

/**
 * Published records often give ranges in schemes we cannot order (CVE `custom`, RPM, git). Imports are
 * tolerant: such ranges move out of the structured versions into the technical details, word for word,
 * so nothing published is lost and the structured data stays strict.
 */
function setAsideUnorderedRanges(draft: ReportDraft): ReportDraft {
  const notes: string[] = [];
  const products = draft.products?.map((product) => {
    const versions = (product.versions ?? []).filter((range) => {
      if (checkVersionRange(range).ok) return true;
      const bounds = Object.entries(range)
        .filter(([key]) => key !== 'scheme')
        .map(([key, value]) => `${key} ${value}`);
      notes.push(`${product.vendor} ${product.product}: ${bounds.join(', ')} (${range.scheme})`);
      return false;
    });
    return { ...product, versions };
  });
  if (notes.length === 0) return draft;
  const published = `Affected versions as published:\n${notes.map((n) => `- ${n}`).join('\n')}`;
  const technicalDetails = draft.technicalDetails ? `${draft.technicalDetails}\n\n${published}` : published;
  return { ...draft, ...(products ? { products } : {}), technicalDetails };
}

/** A mapped draft must still be a valid report input: same schema as the API's. */
function toInput(mapped: ReportDraft, overrides: ImportOverrides, prefix: string): ReportInput {
  const draft = setAsideUnorderedRanges(mapped);
  const candidate: Record<string, unknown> = JSON.parse(JSON.stringify(draft));
  if (overrides.tlp) candidate.tlp = overrides.tlp;
  if (overrides.tier) candidate.tier = overrides.tier;
  if (overrides.exploitation) candidate.exploitation = overrides.exploitation;
  if (overrides.timeline) candidate.timeline = { ...(candidate.timeline as object | undefined), ...overrides.timeline };
  if (!validateInput(candidate)) {
    const errors: FieldError[] = (validateInput.errors ?? []).map((e) => ({
      pointer: `${prefix}${e.instancePath}`,
      detail: e.message ?? 'is invalid',
    }));
    throw validationError('report.import_unmappable', 'The document maps to a report that is not valid', errors);
  }
  return candidate as unknown as ReportInput;
}

/** Maps an uploaded CVE JSON 5 record or CSAF 2.0 document to report inputs (one per CSAF vulnerability). */
export function mapDocument(format: ImportFormat, document: unknown, overrides: ImportOverrides): ReportInput[] {
  if (format === 'cve5') {
    const parsed = parseCveRecord(document);
    if (!parsed.ok) {
      throw validationError(
        'report.import_not_cve5',
        `Not a CVE JSON 5 record: ${parsed.errors[0]?.detail ?? 'unreadable'}`,
        parsed.errors.map((e) => ({ pointer: `/document${e.pointer}`, detail: e.detail })),
      );
    }
    return [toInput(cve5ToReportDraft(parsed.record), overrides, '/document')];
  }
  const parsed = parseCsaf(document);
  if (!parsed.ok) {
    throw validationError(
      'report.import_not_csaf',
      `Not a valid CSAF 2.0 document: ${parsed.errors[0]?.pointer ?? ''} ${parsed.errors[0]?.detail ?? ''}`.trim(),
      parsed.errors.map((e) => ({ pointer: `/document${e.pointer}`, detail: e.detail })),
    );
  }
  const { drafts } = csafToReportDrafts(parsed.doc);
  if (drafts.length === 0) throw validationError('report.import_empty', 'The CSAF document lists no vulnerabilities');
  return drafts.map((draft, i) => toInput(draft, overrides, `/document/vulnerabilities/${i}`));
}

type Submit<T> = (actor: Principal, input: ReportInput, stage: Stage, options: IntakeOptions) => Promise<T>;

export function createImport<T>(intake: { precheck: Submit<void>; submitReport: Submit<T> }) {
  return {
    /**
     * Submits each report the document maps to. Everything is mapped and checked first, so a document
     * that fails anywhere writes nothing.
     */
    async importDocument(
      actor: Principal,
      format: ImportFormat,
      document: unknown,
      overrides: ImportOverrides,
      stage: Stage,
    ) {
      const inputs = mapDocument(format, document, overrides);
      for (const input of inputs) await intake.precheck(actor, input, stage, { source: format });
      const results: T[] = [];
      for (const input of inputs) results.push(await intake.submitReport(actor, input, stage, { source: format }));
      return results;
    },
  };
}
