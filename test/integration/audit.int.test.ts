import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { type Actor, as, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
let admin: Actor;

// A fresh platform per test: each one tampers with the chain in its own way.
beforeEach(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  const org = await createOrg(ctx.app, admin, 'partner');
  await createUser(ctx.app, admin, org.id, 'viewer');
  await as(ctx.app, admin)({ method: 'PATCH', url: `/api/v1/organisations/${org.id}`, payload: { sector: 'Health' } });
});
afterEach(() => ctx.close());

const exec = async (query: ReturnType<typeof sql>) => ({ rows: await queryRows(ctx.container.database.db, query) });
const verify = () => ctx.container.modules.audit.service.verify();

describe('the audit chain', () => {
  it('records every change with actor, organisation, subject and summary, linked by hashes', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit?order=asc&limit=200' });
    const items = res.json().items as { seq: number; action: string; prevHash: string; hash: string }[];
    expect(items.map((i) => i.action)).toEqual([
      'org.created', // operator, at bootstrap
      'user.created', // first admin
      'session.signed_in',
      'user.password_changed',
      'org.created',
      'user.created',
      'session.signed_in',
      'org.updated',
    ]);
    expect(items[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < items.length; i++) expect(items[i]!.prevHash).toBe(items[i - 1]!.hash);
    const updated = items.at(-1) as unknown as { summary: unknown; actor: unknown };
    expect(updated.summary).toEqual({ before: { sector: null }, after: { sector: 'Health' } });
    expect(updated.actor).toMatchObject({ type: 'user', label: admin.email });
    await expect(verify()).resolves.toMatchObject({ ok: true, count: 8 });
  });

  it('filters by action prefix, subject and time', async () => {
    const orgs = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit?action=org.' });
    expect(orgs.json().total).toBe(3);
    const none = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit?from=2030-01-01T00:00:00Z' });
    expect(none.json().total).toBe(0);
  });

  it('detects an edited entry', async () => {
    await exec(sql`update audit_log set summary = '{"sector":"Defence"}' where seq = 8`);
    await expect(verify()).resolves.toMatchObject({ ok: false, broken: { seq: 8, reason: 'hash_mismatch' } });
  });

  it('detects an edited entry whose hash was recomputed without the chain', async () => {
    await exec(sql`update audit_log set actor_label = 'someone else', hash = repeat('a', 64) where seq = 3`);
    await expect(verify()).resolves.toMatchObject({ ok: false, broken: { seq: 3 } });
  });

  it('detects a deleted entry in the middle', async () => {
    await exec(sql`delete from audit_log where seq = 4`);
    await expect(verify()).resolves.toMatchObject({ ok: false, broken: { seq: 4, reason: 'sequence_gap' } });
  });

  it('detects entries removed from the end', async () => {
    await exec(sql`delete from audit_log where seq >= 7`);
    await expect(verify()).resolves.toMatchObject({ ok: false, broken: { seq: 7, reason: 'head_mismatch' } });
  });

  it('detects reordered entries', async () => {
    await exec(sql`update audit_log set seq = -5 where seq = 5`);
    await exec(sql`update audit_log set seq = 5 where seq = 6`);
    await exec(sql`update audit_log set seq = 6 where seq = -5`);
    await expect(verify()).resolves.toMatchObject({ ok: false, broken: { seq: 5, reason: 'previous_hash_mismatch' } });
  });

  it('signs checkpoints and detects a rewritten chain behind one', async () => {
    const cp = await as(ctx.app, admin)({ method: 'POST', url: '/api/v1/audit/checkpoints' });
    expect(cp.statusCode).toBe(201);
    expect(cp.json()).toMatchObject({ seq: 8 });
    const ok = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(ok.json()).toMatchObject({ ok: true, count: 9, checkpoints: { count: 1, verified: 1 } });

    // Rewrite the whole chain consistently from entry 8 on: only the signed checkpoint can tell.
    const { hashEntry } = await import('../../src/modules/audit/index.ts');
    const rows = (await exec(sql`select * from audit_log where seq >= 8 order by seq`)).rows as Record<
      string,
      unknown
    >[];
    let prev = String(((await exec(sql`select hash from audit_log where seq = 7`)).rows[0] as { hash: string }).hash);
    for (const row of rows) {
      const entry = {
        seq: Number(row.seq),
        time: new Date(row.time as string),
        actorType: row.actor_type as string,
        actorId: row.actor_id as string | null,
        actorLabel: row.actor_label as string,
        orgId: row.org_id as string | null,
        action: row.action as string,
        subjectType: row.subject_type as string | null,
        subjectId: row.subject_id as string | null,
        summary: Number(row.seq) === 8 ? { forged: true } : (row.summary as Record<string, unknown>),
        prevHash: prev,
      };
      const hash = hashEntry(entry);
      await exec(
        sql`update audit_log set summary = ${JSON.stringify(entry.summary)}::jsonb, prev_hash = ${prev}, hash = ${hash} where seq = ${entry.seq}`,
      );
      prev = hash;
    }
    await exec(sql`update audit_head set hash = ${prev}`);
    const result = await verify();
    expect(result.broken).toBeUndefined();
    expect(result).toMatchObject({ ok: false, checkpoints: { failed: { seq: 8 } } });
  });

  it('detects a forged checkpoint signature', async () => {
    await ctx.container.modules.audit.service.checkpoint(
      (await import('../../src/shared/principal.ts')).systemPrincipal('test'),
    );
    await exec(sql`update audit_checkpoints set jws = regexp_replace(jws, '.{4}$', 'AAAA')`);
    const result = await verify();
    expect(result.checkpoints.failed?.detail).toMatch(/invalid signature/);
  });

  it('verifies across read batches and finds a break in a later batch', async () => {
    const { createAuditService } = await import('../../src/modules/audit/index.ts');
    const { db } = ctx.container.database;
    const small = createAuditService({ db, clock: ctx.clock, signer: ctx.container.signer, batchSize: 3 });
    await expect(small.verify()).resolves.toMatchObject({ ok: true, count: 8 });
    await exec(sql`update audit_log set action = 'org.deleted' where seq = 7`);
    await expect(small.verify()).resolves.toMatchObject({ ok: false, broken: { seq: 7, reason: 'hash_mismatch' } });
  });
});
