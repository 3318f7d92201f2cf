import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { type FieldError, forbidden, notFound, validationError } from '../../shared/errors.ts';
import type { Principal } from '../../shared/principal.ts';
import { isCveRecordLike, type ParsedCve, parseCveRecord } from '../../standards/cve5/index.ts';
import { isKevCatalogLike, parseKevCatalog } from '../../standards/kev/index.ts';
import type { AuditService } from '../audit/index.ts';
import { addCounts, classifyFile, createCveWriter, emptyResult, type ImportResult } from './catalog.import.ts';
import { canImportCatalog, canReadCatalog } from './catalog.policy.ts';
import { catalogRepository as repo, UPSERT_BATCH } from './catalog.repository.ts';
import { toCveRow, toKevRow } from './catalog.rows.ts';
import type { ListCvesQuery, ListKevQuery } from './catalog.schemas.ts';
import { openSource } from './catalog.sources.ts';

export interface CatalogDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
}

export interface ImportProgress {
  processed: number;
  total: number;
}

export type KevImportResult = Omit<ImportResult, 'skipped' | 'schemaProblems'> & { catalogVersion: string };

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const auditSummary = (source: string, r: ImportResult | KevImportResult) => ({
  source,
  ...r,
  failed: r.failed.length,
  firstFailures: r.failed.slice(0, 5),
});

export function createCatalogService({ db, clock, audit }: CatalogDeps) {
  async function assertMayImport(actor: Principal, action: string, source: string): Promise<void> {
    if (canImportCatalog(actor)) return;
    throw await audit.deny(
      actor,
      { action, subjectType: 'catalog', summary: { source } },
      forbidden('catalog.import_forbidden', 'Only operator admins import public vulnerability data'),
    );
  }

  function assertMayRead(actor: Principal): void {
    if (!canReadCatalog(actor)) throw forbidden('catalog.read_forbidden', 'Sign in to read the catalog');
  }

  async function recordImport(action: string, actor: Principal, summary: Record<string, unknown>) {
    await db.transaction((tx) => audit.record(tx, actor, { action, subjectType: 'catalog', summary }));
  }

  async function importKevCatalog(actor: Principal, json: unknown, source = 'upload'): Promise<KevImportResult> {
    await assertMayImport(actor, 'catalog.kev_import', source);
    const parsed = parseKevCatalog(json);
    if (!parsed.ok) {
      const what = isKevCatalogLike(json) ? 'is not a valid KEV catalog' : 'is not a KEV catalog';
      throw validationError('catalog.not_kev_catalog', `${source} ${what}`, parsed.errors);
    }
    const { catalog } = parsed;
    const now = clock.now();
    const rows = catalog.vulnerabilities.map((v) => toKevRow(v, catalog, now));
    const result: KevImportResult = {
      catalogVersion: catalog.catalogVersion,
      read: rows.length,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      failed: [],
    };
    await db.transaction(async (tx) => {
      for (const batch of chunks(rows, UPSERT_BATCH)) addCounts(result, await repo.upsertKev(tx, batch));
      await audit.record(tx, actor, {
        action: 'catalog.kev_imported',
        subjectType: 'catalog',
        summary: auditSummary(source, result),
      });
    });
    return result;
  }

  return {
    /**
     * Imports every CVE record under `source` (a directory tree such as cvelistV5's, a .zip of one, or one .json
     * file). Unreadable records are reported in `failed` and the rest imported; one audit entry for the whole run.
     */
    async importCveRecords(
      actor: Principal,
      source: string,
      onProgress?: (progress: ImportProgress) => void,
    ): Promise<ImportResult> {
      await assertMayImport(actor, 'catalog.cve_import', source);
      const { total, single, files } = await openSource(source);
      const result = emptyResult();
      const writer = createCveWriter(db, clock.now(), result);
      let processed = 0;
      for await (const file of files) {
        const found = classifyFile(file);
        if (found.kind === 'skipped') result.skipped += 1;
        else result.read += 1;
        if (found.kind === 'failed') result.failed.push({ file: file.name, error: found.error });
        if (found.kind === 'record') {
          if (found.cve.schemaProblems > 0) result.schemaProblems += 1;
          await writer.add(file.name, found.cve);
        }
        onProgress?.({ processed: ++processed, total: Math.max(total, processed) });
      }
      await writer.flush();
      if (single && (result.skipped > 0 || result.failed.length > 0)) {
        // One file that is not a readable record is bad input, not a partial import.
        throw validationError('catalog.not_cve_record', `${source}: ${result.failed[0]?.error ?? 'not a CVE record'}`);
      }
      await recordImport('catalog.cve_imported', actor, auditSummary(source, result));
      return result;
    },

    /** Imports records sent as documents (the API): all are checked first, and nothing is written if one is bad. */
    async importCveDocuments(actor: Principal, documents: readonly unknown[], pointerPrefix = true) {
      await assertMayImport(actor, 'catalog.cve_import', 'upload');
      const parsed: ParsedCve[] = [];
      const errors: FieldError[] = [];
      documents.forEach((doc, i) => {
        const at = pointerPrefix ? `/${i}` : '';
        if (!isCveRecordLike(doc)) errors.push({ pointer: at || '/', detail: 'is not a CVE JSON 5 record' });
        const result = parseCveRecord(doc);
        if (result.ok) parsed.push(result.record);
        else if (isCveRecordLike(doc))
          errors.push(...result.errors.map((e) => ({ ...e, pointer: `${at}${e.pointer}` })));
      });
      if (errors.length > 0) throw validationError('catalog.not_cve_record', 'Not a readable CVE record', errors);
      const result = emptyResult();
      result.read = parsed.length;
      result.schemaProblems = parsed.filter((p) => p.schemaProblems > 0).length;
      const now = clock.now();
      const rows = new Map(parsed.map((p) => [p.cveId, toCveRow(p, now)]));
      result.unchanged += parsed.length - rows.size;
      await db.transaction(async (tx) => {
        for (const batch of chunks([...rows.values()], UPSERT_BATCH))
          addCounts(result, await repo.upsertCves(tx, batch));
        await audit.record(tx, actor, {
          action: 'catalog.cve_imported',
          subjectType: 'catalog',
          summary: auditSummary('upload', result),
        });
      });
      return result;
    },

    /** Imports a KEV catalog file (known_exploited_vulnerabilities.json). */
    async importKev(actor: Principal, file: string): Promise<KevImportResult> {
      await assertMayImport(actor, 'catalog.kev_import', file);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw validationError('catalog.source_missing', `${file}: cannot read the file`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw validationError('catalog.not_json', `${file}: not JSON (${(error as Error).message})`);
      }
      return importKevCatalog(actor, json, file);
    },

    importKevCatalog,

    async getCve(actor: Principal, cveId: string) {
      assertMayRead(actor);
      const cve = await repo.findCve(db, cveId);
      if (!cve) throw notFound('catalog.cve_not_found', `${cveId} is not in the catalog`);
      return { cve, kev: (await repo.findKev(db, cveId)) ?? null };
    },

    listCves(actor: Principal, query: ListCvesQuery) {
      assertMayRead(actor);
      return repo.listCves(db, { q: query.q, kevOnly: query.kev }, query);
    },

    listKev(actor: Principal, query: ListKevQuery) {
      assertMayRead(actor);
      return repo.listKev(db, { q: query.q, ransomware: query.ransomware }, query);
    },

    /** For other modules (reports): public data, no actor needed. */
    findCve: (cveId: string) => repo.findCve(db, cveId),
    /** A KEV entry's dateAdded is evidence of active exploitation from that day on. */
    findKevEntry: (cveId: string) => repo.findKev(db, cveId),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
