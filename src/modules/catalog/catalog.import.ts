import type { Db } from '../../db/client.ts';
import { isCveRecordLike, type ParsedCve, parseCveRecord } from '../../standards/cve5/index.ts';
import { catalogRepository as repo, UPSERT_BATCH, type UpsertCounts } from './catalog.repository.ts';
import { toCveRow } from './catalog.rows.ts';
import type { SourceFile } from './catalog.sources.ts';

export interface ImportFailure {
  file: string;
  error: string;
}

export interface ImportResult {
  /** Records read (files that held a CVE record, readable or not). */
  read: number;
  inserted: number;
  updated: number;
  /** Identical to what is stored, or older than it. */
  unchanged: number;
  /** JSON files that are not CVE records (cvelistV5's delta.json, deltaLog.json, …). */
  skipped: number;
  /** Records the official schema finds fault with (imported all the same). */
  schemaProblems: number;
  failed: ImportFailure[];
}

export const emptyResult = (): ImportResult => ({
  read: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  schemaProblems: 0,
  failed: [],
});

export function addCounts(result: UpsertCounts, counts: UpsertCounts): void {
  result.inserted += counts.inserted;
  result.updated += counts.updated;
  result.unchanged += counts.unchanged;
}

/** The message of a database error without the statement (Drizzle puts the whole query into its message). */
const databaseMessage = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return `the database refused it: ${message.split('\n')[0]!.slice(0, 300)}`;
};

export type ClassifiedFile =
  | { kind: 'record'; cve: ParsedCve }
  | { kind: 'skipped' }
  | { kind: 'failed'; error: string };

/** What one file of a source holds: a readable CVE record, something else, or a broken record. */
export function classifyFile(file: SourceFile, options: { checkSchema?: boolean } = {}): ClassifiedFile {
  if (file.error !== undefined || file.text === undefined) return { kind: 'failed', error: file.error ?? 'unreadable' };
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return { kind: 'failed', error: `not JSON: ${(error as Error).message}` };
  }
  if (!isCveRecordLike(json)) return { kind: 'skipped' };
  const parsed = parseCveRecord(json, options);
  if (!parsed.ok) {
    return { kind: 'failed', error: parsed.errors.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; ') };
  }
  return { kind: 'record', cve: parsed.record };
}

/**
 * Collects records into batches of UPSERT_BATCH and writes each batch in its own transaction; a batch the
 * database refuses is retried row by row so one bad record fails alone. A CVE id seen twice in a batch
 * flushes the batch first (one INSERT … ON CONFLICT cannot touch a row twice).
 */
export function createCveWriter(db: Db, now: Date, result: ImportResult) {
  let batch = new Map<string, { name: string; row: ReturnType<typeof toCveRow> }>();

  async function flush(): Promise<void> {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    batch = new Map();
    try {
      addCounts(
        result,
        await db.transaction((tx) =>
          repo.upsertCves(
            tx,
            items.map((i) => i.row),
          ),
        ),
      );
    } catch {
      for (const item of items) {
        try {
          addCounts(result, await db.transaction((tx) => repo.upsertCves(tx, [item.row])));
        } catch (error) {
          result.failed.push({ file: item.name, error: databaseMessage(error) });
        }
      }
    }
  }

  return {
    async add(name: string, cve: ParsedCve): Promise<void> {
      if (batch.has(cve.cveId)) await flush();
      batch.set(cve.cveId, { name, row: toCveRow(cve, now) });
      if (batch.size >= UPSERT_BATCH) await flush();
    },
    flush,
  };
}
