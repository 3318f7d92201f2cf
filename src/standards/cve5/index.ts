export type {
  Cve5Affected,
  Cve5Record,
  Cve5Version,
  CveFieldError,
  CveState,
  CvssSummary,
  ParseCveResult,
  ParsedCve,
} from './cve5.types.ts';
export { cveStates } from './cve5.types.ts';
export {
  bestCvss,
  CVE_ID_PATTERN,
  cwesOf,
  englishText,
  isCveRecordLike,
  type ParseCveOptions,
  parseCveRecord,
  parseCveTimestamp,
  productsOf,
} from './parse.ts';
export { cveSchemaErrors, cveSchemaFile } from './schema.ts';
export { cve5ToReportDraft, versionRangesOf } from './to-report-draft.ts';
