import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * CWE ids against MITRE's catalogue as shipped offline by cwe-sdk (OWASP). The package's own API (CweManager) only
 * answers hierarchy/membership questions and `require`s an 8 MB dictionary without names, so we read its mirror of
 * the MITRE XML (`raw/cwe-archive.json`, ~9 MB) once, keep a small id → entry map, and let the parsed file go.
 */

export type CweKind = 'weakness' | 'category' | 'view';
export interface CweEntry {
  id: string;
  name: string;
  kind: CweKind;
  /** MITRE status: Stable, Draft, Incomplete, Obsolete, Deprecated. */
  status: string;
  /** MITRE mapping guidance: Allowed, Allowed-with-Review, Discouraged, Prohibited (undefined when not given). */
  usage: string | undefined;
}
export type CweResult = ({ ok: true } & CweEntry) | { ok: false; problem: string };

interface Catalogue {
  version: string;
  date: string;
  entries: Map<string, CweEntry>;
}

interface RawEntry {
  attr?: Record<string, string>;
  Mapping_Notes?: { Usage?: string };
}

let catalogue: Catalogue | undefined;

const toArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function loadCatalogue(): Catalogue {
  const path = createRequire(import.meta.url).resolve('cwe-sdk/raw/cwe-archive.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as {
    Weakness_Catalog: {
      attr: Record<string, string>;
      Weaknesses?: { Weakness?: RawEntry | RawEntry[] };
      Categories?: { Category?: RawEntry | RawEntry[] };
      Views?: { View?: RawEntry | RawEntry[] };
    };
  };
  const root = raw.Weakness_Catalog;
  const entries = new Map<string, CweEntry>();
  const add = (kind: CweKind, list: RawEntry[]) => {
    for (const e of list) {
      const id = `CWE-${e.attr?.['@_ID']}`;
      const name = e.attr?.['@_Name'] ?? '';
      entries.set(id, { id, name, kind, status: e.attr?.['@_Status'] ?? '', usage: e.Mapping_Notes?.Usage });
    }
  };
  add('weakness', toArray(root.Weaknesses?.Weakness));
  add('category', toArray(root.Categories?.Category));
  add('view', toArray(root.Views?.View));
  return { version: root.attr['@_Version'] ?? 'unknown', date: root.attr['@_Date'] ?? '', entries };
}

function getCatalogue(): Catalogue {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** The version of the CWE catalogue ids are checked against, e.g. `4.15 (2024-07-16)`. */
export function cweCatalogueVersion(): string {
  const { version, date } = getCatalogue();
  return date ? `${version} (${date})` : version;
}

/**
 * Checks that `id` ("CWE-79") is in the CWE catalogue: weaknesses, categories and views all count, whatever their
 * status; callers may warn on `usage` Prohibited/Discouraged. NVD's placeholders NVD-CWE-noinfo / NVD-CWE-Other
 * are refused: they say "no CWE", which a report expresses with an empty list.
 */
export function checkCwe(id: string): CweResult {
  if (/^NVD-CWE-(noinfo|Other)$/.test(id)) {
    return { ok: false, problem: `${id} is NVD's placeholder, not a CWE id; leave the CWE list empty instead` };
  }
  if (!/^CWE-[1-9][0-9]*$/.test(id)) return { ok: false, problem: `'${id}' is not a CWE id (expected CWE-<number>)` };
  const entry = getCatalogue().entries.get(id);
  if (!entry) return { ok: false, problem: `${id} is not in the CWE catalogue (version ${cweCatalogueVersion()})` };
  return { ok: true, ...entry };
}
