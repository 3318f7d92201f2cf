export {
  isKevCatalogLike,
  type KevCatalog,
  type KevFieldError,
  type KevVulnerability,
  kevExploitationEvidence,
  kevSchemaFile,
  type ParseKevResult,
  parseKevCatalog,
} from './kev.ts';
