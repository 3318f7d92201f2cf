import { describe, expect, it } from 'vitest';
import {
  type ChainBreak,
  type ChainEntry,
  createChainWalker,
  entryBytes,
  GENESIS_HASH,
  hashEntry,
} from './audit.chain.ts';

type Chain = (ChainEntry & { hash: string })[];

function chain(n: number): Chain {
  const entries: (ChainEntry & { hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry: ChainEntry = {
      seq,
      time: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorType: 'user',
      actorId: 'u1',
      actorLabel: 'analyst@example.test',
      orgId: null,
      action: 'org.updated',
      subjectType: 'organisation',
      subjectId: `o${seq}`,
      summary: { n: seq, nested: { b: 2, a: 1 } },
      prevHash,
    };
    prevHash = hashEntry(entry);
    entries.push({ ...entry, hash: prevHash });
  }
  return entries;
}

const walk = (entries: (ChainEntry & { hash: string })[]): number | ChainBreak => {
  const walker = createChainWalker();
  for (const e of entries) {
    const broken = walker.next(e);
    if (broken) return broken;
  }
  return walker.count;
};

describe('audit chain', () => {
  it('hashes canonical JSON: key order in the summary does not matter', () => {
    const [a] = chain(1);
    const reordered = { ...a!, summary: { nested: { a: 1, b: 2 }, n: 1 } };
    expect(entryBytes(reordered)).toBe(entryBytes(a!));
    expect(hashEntry(reordered)).toBe(a!.hash);
  });

  it('accepts an intact chain', () => {
    expect(walk(chain(5))).toBe(5);
  });

  it.each([
    [
      'an altered field',
      (c: Chain): void => {
        c[2]!.actorLabel = 'mallory';
      },
      3,
      'hash_mismatch',
    ],
    [
      'an altered summary',
      (c: Chain): void => {
        c[1]!.summary = { n: 99 };
      },
      2,
      'hash_mismatch',
    ],
    [
      'a removed entry',
      (c: Chain): void => {
        c.splice(2, 1);
      },
      3,
      'sequence_gap',
    ],
    [
      'swapped entries',
      (c: Chain): void => {
        const [x, y] = [c[1]!, c[2]!];
        c[1] = { ...y, seq: 2 };
        c[2] = { ...x, seq: 3 };
      },
      2,
      'previous_hash_mismatch',
    ],
  ] as const)('finds %s', (_name, tamper, seq, reason) => {
    const entries = chain(5);
    tamper(entries);
    expect(walk(entries)).toMatchObject({ seq, reason });
  });
});
