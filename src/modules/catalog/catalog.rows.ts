import { canonicalJson, sha256Hex } from '../../shared/crypto.ts';
import type { ParsedCve } from '../../standards/cve5/index.ts';
import type { KevCatalog, KevVulnerability } from '../../standards/kev/index.ts';
import type { CveRow, KevRow } from './catalog.repository.ts';

/** The stored row for a parsed record; the hash of the canonical record decides whether a re-import changes it. */
export function toCveRow(cve: ParsedCve, now: Date): CveRow {
  return {
    cveId: cve.cveId,
    state: cve.state,
    assignerShortName: cve.assignerShortName,
    dataVersion: cve.dataVersion,
    title: cve.title,
    description: cve.description,
    cwes: cve.cwes,
    cvssScore: cve.cvss ? cve.cvss.score.toFixed(1) : null,
    severity: cve.cvss?.severity ?? null,
    datePublished: cve.datePublished,
    dateUpdated: cve.dateUpdated,
    products: cve.products,
    record: cve.record,
    contentHash: sha256Hex(canonicalJson(cve.record)),
    importedAt: now,
    updatedAt: now,
  };
}

export function toKevRow(v: KevVulnerability, catalog: Pick<KevCatalog, 'catalogVersion'>, now: Date): KevRow {
  return {
    cveId: v.cveID,
    vendorProject: v.vendorProject,
    product: v.product,
    vulnerabilityName: v.vulnerabilityName,
    dateAdded: v.dateAdded,
    shortDescription: v.shortDescription,
    requiredAction: v.requiredAction,
    dueDate: v.dueDate || null,
    knownRansomwareCampaignUse: v.knownRansomwareCampaignUse ?? 'Unknown',
    notes: v.notes ?? '',
    cwes: v.cwes ?? [],
    catalogVersion: catalog.catalogVersion,
    contentHash: sha256Hex(canonicalJson(v)),
    importedAt: now,
    updatedAt: now,
  };
}
