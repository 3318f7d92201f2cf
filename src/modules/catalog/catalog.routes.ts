import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/schemas.ts';
import { bestCvss, cve5ToReportDraft, parseCveRecord } from '../../standards/cve5/index.ts';
import type { CveRow, CveSummaryRow, KevRow } from './catalog.repository.ts';
import {
  CveDetailDto,
  CveIdParams,
  CveImportResultDto,
  CvePage,
  type CveSummaryDto,
  ImportCvesBody,
  ImportKevBody,
  type KevEntryDto,
  KevImportResultDto,
  KevPage,
  ListCvesQuery,
  ListKevQuery,
} from './catalog.schemas.ts';
import type { CatalogService } from './catalog.service.ts';

export const toKevEntryDto = (row: KevRow): KevEntryDto => ({
  cveId: row.cveId,
  vendorProject: row.vendorProject,
  product: row.product,
  vulnerabilityName: row.vulnerabilityName,
  dateAdded: row.dateAdded,
  shortDescription: row.shortDescription,
  requiredAction: row.requiredAction,
  dueDate: row.dueDate,
  knownRansomwareCampaignUse: row.knownRansomwareCampaignUse,
  notes: row.notes,
  cwes: row.cwes,
  catalogVersion: row.catalogVersion,
  importedAt: row.importedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toCveSummaryDto = (row: CveSummaryRow): CveSummaryDto => ({
  cveId: row.cveId,
  state: row.state,
  assignerShortName: row.assignerShortName,
  dataVersion: row.dataVersion,
  title: row.title,
  description: row.description,
  cwes: row.cwes,
  cvssScore: row.cvssScore === null ? null : Number(row.cvssScore),
  severity: row.severity,
  datePublished: row.datePublished?.toISOString() ?? null,
  dateUpdated: row.dateUpdated?.toISOString() ?? null,
  products: row.products,
  kev: row.kev,
  importedAt: row.importedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The detail view re-reads the stored record for what the table does not keep (versions, references). */
function toCveDetailDto(cve: CveRow, kev: KevRow | null) {
  const kevSummary = kev
    ? { dateAdded: kev.dateAdded, knownRansomwareCampaignUse: kev.knownRansomwareCampaignUse }
    : null;
  const parsed = parseCveRecord(cve.record, { checkSchema: false });
  const draft = parsed.ok ? cve5ToReportDraft(parsed.record) : undefined;
  return {
    ...toCveSummaryDto({ ...cve, kev: kevSummary }),
    kevEntry: kev ? toKevEntryDto(kev) : null,
    cvss: parsed.ok ? bestCvss(parsed.record.record) : null,
    affected: draft?.products ?? [],
    references: draft?.references ?? [],
    record: cve.record,
  };
}

const tags = ['catalog'];
/** A full KEV catalog is about 1.5 MB and grows; CVE uploads may be batches of records. */
const importBodyLimit = 20 * 1024 * 1024;
const importErrors = { ...errorResponses, 413: Type.Ref('Problem') };

export function catalogRoutes(service: CatalogService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/catalog/cves',
      {
        schema: {
          tags,
          summary: 'List CVE records (public data), with search and a KEV-only filter',
          querystring: ListCvesQuery,
          response: { 200: CvePage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listCves(request.principal!, request.query);
        return {
          total: page.total,
          items: page.items.map(toCveSummaryDto),
          limit: request.query.limit,
          offset: request.query.offset,
        };
      },
    );

    app.get(
      '/catalog/cves/:cveId',
      {
        schema: {
          tags,
          summary: 'Show a CVE record with its KEV entry and the record as imported',
          params: CveIdParams,
          response: { 200: CveDetailDto, ...errorResponses },
        },
      },
      async (request) => {
        const { cve, kev } = await service.getCve(request.principal!, request.params.cveId);
        return toCveDetailDto(cve, kev);
      },
    );

    app.post(
      '/catalog/cves',
      {
        bodyLimit: importBodyLimit,
        schema: {
          tags,
          summary: 'Import CVE JSON 5 records (one or an array); operator admins',
          body: ImportCvesBody,
          response: { 200: CveImportResultDto, ...importErrors },
        },
      },
      async (request) => {
        const body = request.body;
        return Array.isArray(body)
          ? service.importCveDocuments(request.principal!, body)
          : service.importCveDocuments(request.principal!, [body], false);
      },
    );

    app.get(
      '/catalog/kev',
      {
        schema: {
          tags,
          summary: 'List CISA Known Exploited Vulnerabilities entries',
          querystring: ListKevQuery,
          response: { 200: KevPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listKev(request.principal!, request.query);
        return {
          total: page.total,
          items: page.items.map(toKevEntryDto),
          limit: request.query.limit,
          offset: request.query.offset,
        };
      },
    );

    app.post(
      '/catalog/kev',
      {
        bodyLimit: importBodyLimit,
        schema: {
          tags,
          summary: 'Import a CISA KEV catalog (known_exploited_vulnerabilities.json); operator admins',
          body: ImportKevBody,
          response: { 200: KevImportResultDto, ...importErrors },
        },
      },
      async (request) => service.importKevCatalog(request.principal!, request.body),
    );
  };
}
