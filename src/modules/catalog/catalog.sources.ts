import { createReadStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { validationError } from '../../shared/errors.ts';

/** One JSON file of an import source, as text; `error` instead when it could not be read. */
export interface SourceFile {
  name: string;
  text?: string;
  error?: string;
}

export interface Source {
  /** Files (zip entries) to look at, for a progress bar; directories are not counted. */
  total: number;
  /** One .json file rather than a tree or zip: then a file that is not a record is bad input. */
  single: boolean;
  files: AsyncIterable<SourceFile>;
}

/** A CVE record is a few hundred KB at most; anything far larger in a zip is refused rather than inflated. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

const isJsonName = (name: string) => name.toLowerCase().endsWith('.json');

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && isJsonName(entry.name)) out.push(full);
  }
  return out;
}

async function* readFiles(root: string, files: string[]): AsyncIterable<SourceFile> {
  for (const file of files) {
    const name = path.relative(root, file) || path.basename(file);
    try {
      yield { name, text: await readFile(file, 'utf8') };
    } catch (error) {
      yield { name, error: (error as Error).message };
    }
  }
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      done();
      resolve(entry);
    };
    const onEnd = () => {
      done();
      resolve(null);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  const stream: Readable = await new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams the zip's JSON entries one at a time: the cvelistV5 zip is far too large to hold in memory. */
async function* zipFiles(zip: ZipFile): AsyncIterable<SourceFile> {
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = entry.fileName;
      if (name.endsWith('/') || !isJsonName(name) || /(^|\/)(__MACOSX|\.)/.test(name)) continue;
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
        yield { name, error: `larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB` };
        continue;
      }
      try {
        yield { name, text: await readEntry(zip, entry) };
      } catch (error) {
        yield { name, error: (error as Error).message };
      }
    }
  } finally {
    zip.close();
  }
}

async function isZipFile(file: string): Promise<boolean> {
  const stream = createReadStream(file, { start: 0, end: 3 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1') === 'PK\u0003\u0004';
}

/**
 * The JSON files of an import source: a directory (walked recursively, e.g. the cvelistV5 tree),
 * a .zip of one, or a single .json file.
 */
export async function openSource(source: string): Promise<Source> {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(source);
  } catch {
    throw validationError('catalog.source_missing', `${source}: no such file or directory`);
  }
  if (stat.isDirectory()) {
    const files = walk(source);
    return { total: files.length, single: false, files: readFiles(source, files) };
  }
  if (await isZipFile(source)) {
    let zip: ZipFile;
    try {
      zip = await openZip(source);
    } catch (error) {
      throw validationError('catalog.not_a_zip', `${source}: not a readable zip (${(error as Error).message})`);
    }
    return { total: zip.entryCount, single: false, files: zipFiles(zip) };
  }
  if (source.toLowerCase().endsWith('.zip')) throw validationError('catalog.not_a_zip', `${source}: not a zip file`);
  return { total: 1, single: true, files: readFiles(path.dirname(source), [source]) };
}
