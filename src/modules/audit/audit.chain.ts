import { canonicalJson, sha256Hex } from '../../shared/crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  seq: number;
  time: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  orgId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  summary: Record<string, unknown>;
  prevHash: string;
}

/** The exact bytes an entry's hash covers: every field, the previous hash included, as RFC 8785 JSON. */
export function entryBytes(entry: ChainEntry): string {
  return canonicalJson({
    seq: entry.seq,
    time: entry.time.toISOString(),
    actor: { type: entry.actorType, id: entry.actorId, label: entry.actorLabel },
    orgId: entry.orgId,
    action: entry.action,
    subject: { type: entry.subjectType, id: entry.subjectId },
    summary: entry.summary,
    prevHash: entry.prevHash,
  });
}

export const hashEntry = (entry: ChainEntry): string => sha256Hex(entryBytes(entry));

export type BreakReason = 'sequence_gap' | 'previous_hash_mismatch' | 'hash_mismatch' | 'head_mismatch';

export interface ChainBreak {
  seq: number;
  reason: BreakReason;
  detail: string;
}

/**
 * Walks entries in order and returns the first broken link. Feed it batches; it keeps
 * the expected sequence number and previous hash between calls.
 */
export function createChainWalker() {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  return {
    next(entry: ChainEntry & { hash: string }): ChainBreak | undefined {
      if (entry.seq !== expectedSeq) {
        return {
          seq: expectedSeq,
          reason: 'sequence_gap',
          detail: `expected entry ${expectedSeq}, found ${entry.seq}: entries are missing or reordered`,
        };
      }
      if (entry.prevHash !== prevHash) {
        return {
          seq: entry.seq,
          reason: 'previous_hash_mismatch',
          detail: `entry ${entry.seq} does not link to the hash of entry ${entry.seq - 1}`,
        };
      }
      const computed = hashEntry(entry);
      if (computed !== entry.hash) {
        return {
          seq: entry.seq,
          reason: 'hash_mismatch',
          detail: `entry ${entry.seq} was altered after it was written`,
        };
      }
      expectedSeq += 1;
      prevHash = entry.hash;
      count += 1;
      return undefined;
    },
    get count() {
      return count;
    },
    get lastHash() {
      return prevHash;
    },
    get lastSeq() {
      return expectedSeq - 1;
    },
  };
}
