import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { canonicalJson } from '../../shared/crypto.ts';
import { type AppError, forbidden } from '../../shared/errors.ts';
import { isOperatorAdmin, type Principal } from '../../shared/principal.ts';
import type { Signer } from '../../shared/signer.ts';
import { type ChainBreak, createChainWalker, hashEntry } from './audit.chain.ts';
import { type AuditFilter, type AuditRow, auditRepository } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  orgId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  summary?: Record<string, unknown>;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  headSeq: number;
  broken?: ChainBreak;
  checkpoints: { count: number; verified: number; failed?: { seq: number; detail: string } };
}

export interface AuditDeps {
  db: Db;
  clock: Clock;
  signer: Signer;
  /** Entries read per query while verifying. */
  batchSize?: number;
}

export function createAuditService({ db, clock, signer, batchSize = 5000 }: AuditDeps) {
  const BATCH = batchSize;
  /** Appends one entry inside the caller's transaction: the change and its audit commit together or not at all. */
  async function record(tx: Executor, actor: Principal, event: AuditEvent): Promise<number> {
    const head = await auditRepository.lockHead(tx);
    const entry = {
      seq: head.seq + 1,
      time: clock.now(),
      actorType: actor.kind,
      actorId: actor.kind === 'token' ? actor.tokenId : actor.userId,
      actorLabel: actor.label,
      orgId: event.orgId ?? null,
      action: event.action,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      // Round-trip through JSON so what we hash is exactly what jsonb will give back.
      summary: JSON.parse(JSON.stringify(event.summary ?? {})) as Record<string, unknown>,
      prevHash: head.hash,
    };
    const row: AuditRow = { ...entry, hash: hashEntry(entry) };
    await auditRepository.append(tx, row);
    return row.seq;
  }

  /** Records a refused privileged action in its own transaction and returns the error to throw. */
  async function deny(actor: Principal, attempted: AuditEvent, error: AppError): Promise<AppError> {
    await db.transaction((tx) =>
      record(tx, actor, {
        ...attempted,
        action: 'access.denied',
        summary: { attempted: attempted.action, code: error.code, ...(attempted.summary ?? {}) },
      }),
    );
    return error;
  }

  async function requireAuditReader(actor: Principal): Promise<void> {
    if (!isOperatorAdmin(actor)) {
      throw await deny(
        actor,
        { action: 'audit.read' },
        forbidden('audit.forbidden', 'Only operator admins read the audit log'),
      );
    }
  }

  async function verify(): Promise<VerifyResult> {
    const walker = createChainWalker();
    let broken: ChainBreak | undefined;
    // Read the next batch while hashing this one: on a server the two overlap.
    let pending: Promise<AuditRow[]> | undefined = auditRepository.batchAfter(db, 0, BATCH);
    while (pending && !broken) {
      const batch: AuditRow[] = await pending;
      const last = batch.at(-1);
      pending = last && batch.length === BATCH ? auditRepository.batchAfter(db, Number(last.seq), BATCH) : undefined;
      for (const row of batch) {
        broken = walker.next({ ...row, seq: Number(row.seq) });
        if (broken) break;
      }
    }
    await pending?.catch(() => undefined);
    const head = await auditRepository.readHead(db);
    if (!broken && (head.seq !== walker.lastSeq || head.hash !== walker.lastHash)) {
      broken = {
        seq: walker.lastSeq + 1,
        reason: 'head_mismatch',
        detail: `the chain ends at entry ${walker.lastSeq} but ${head.seq} entries were written: entries were removed from the end`,
      };
    }
    const checkpoints = await verifyCheckpoints(walker.lastSeq);
    return { ok: !broken && !checkpoints.failed, count: walker.count, headSeq: head.seq, broken, checkpoints };
  }

  async function verifyCheckpoints(chainEnd: number): Promise<VerifyResult['checkpoints']> {
    const rows = await auditRepository.listCheckpoints(db);
    let verified = 0;
    for (const cp of rows) {
      const seq = Number(cp.seq);
      const fail = (detail: string) => ({ count: rows.length, verified, failed: { seq, detail } });
      let payload: { seq?: unknown; hash?: unknown };
      try {
        payload = JSON.parse((await signer.verify(cp.jws)).payload) as typeof payload;
      } catch {
        return fail(`checkpoint at entry ${seq} has an invalid signature`);
      }
      if (payload.seq !== seq || payload.hash !== cp.hash) return fail(`checkpoint at entry ${seq} was altered`);
      if (seq > chainEnd) return fail(`checkpoint at entry ${seq} is beyond the verified chain (ends at ${chainEnd})`);
      const entry = await auditRepository.findBySeq(db, seq);
      if (!entry || entry.hash !== cp.hash) return fail(`entry ${seq} no longer has the hash its checkpoint signed`);
      verified += 1;
    }
    return { count: rows.length, verified };
  }

  return {
    record,
    deny,

    async list(actor: Principal, filter: AuditFilter, page: { limit: number; offset: number; order: 'asc' | 'desc' }) {
      await requireAuditReader(actor);
      return auditRepository.list(db, filter, page);
    },

    async listActions(actor: Principal): Promise<string[]> {
      await requireAuditReader(actor);
      return auditRepository.listActions(db);
    },

    async verifyAs(actor: Principal): Promise<VerifyResult> {
      await requireAuditReader(actor);
      return verify();
    },

    /** The whole chain, for the command line, which already holds the database. */
    verify,

    /** Signs the current head: a later `verify` proves nothing before it was rewritten. */
    async checkpoint(actor: Principal) {
      await requireAuditReader(actor);
      return db.transaction(async (tx) => {
        const head = await auditRepository.lockHead(tx);
        const createdAt = clock.now();
        const jws = await signer.sign(
          canonicalJson({ seq: head.seq, hash: head.hash, iat: Math.floor(createdAt.getTime() / 1000) }),
          'threatshare-audit-checkpoint+jws',
        );
        const cp = { seq: head.seq, hash: head.hash, jws, keyId: signer.keyId, createdAt };
        await auditRepository.insertCheckpoint(tx, cp);
        await record(tx, actor, {
          action: 'audit.checkpointed',
          subjectType: 'audit',
          summary: { seq: head.seq, hash: head.hash },
        });
        return cp;
      });
    },

    listCheckpoints: (actor: Principal) => requireAuditReader(actor).then(() => auditRepository.listCheckpoints(db)),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
