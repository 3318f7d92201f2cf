export type {
  CsafBranch,
  CsafDocument,
  CsafFullProductName,
  CsafNote,
  CsafProductStatus,
  CsafProductTree,
  CsafReference,
  CsafScore,
  CsafVulnerability,
} from './csaf.types.ts';
export { productIdsNotDefined, type ResolvedProduct, resolveProducts } from './product-tree.ts';
export { type CsafFieldError, type ParseCsafResult, parseCsaf, parseCsafText } from './schema.ts';
export { type CsafDrafts, csafToReportDrafts } from './to-report-drafts.ts';
