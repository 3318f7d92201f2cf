import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { type Container, createContainer } from '../../../src/container.ts';
import { type Database, openDatabase, queryRows } from '../../../src/db/client.ts';
import { violations } from '../../../src/db/schema/index.ts';
import { createWorker, type JobHandler, type JobHandlers } from '../../../src/jobs/index.ts';
import { createFixedClock } from '../../../src/shared/clock.ts';
import { newId } from '../../../src/shared/ids.ts';
import { systemPrincipal } from '../../../src/shared/principal.ts';
import { openTestDatabase } from '../../helpers/database.ts';

/**
 * The sanctions jobs run by two workers at once: on a PostgreSQL server (TEST_DATABASE_URL) two containers on two
 * connection pools, really concurrent; on PGlite both workers share the one embedded database and interleave.
 * Whatever the interleaving: one proposal per violation, one review per ended suspension, no job retried.
 */
const START = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-02T12:00:00.000Z';
const system = systemPrincipal('test');

async function openTwo(): Promise<{ handles: [Database, Database]; close(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openTestDatabase();
    return { handles: [db, db], close: () => db.close() };
  }
  const name = `ts_sanctions_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = () =>
    openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4, onConnectionError: () => {} });
  const [a, b] = [await open(), await open()];
  return {
    handles: [a, b],
    close: async () => {
      await a.close();
      await b.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

let two: Awaited<ReturnType<typeof openTwo>>;
let dataDir: string;
let a: Container;
let b: Container;
const clock = createFixedClock(START);
const violationIds: string[] = [];
const suspensionIds: string[] = [];

async function partner(container: Container, n: number) {
  const org = await container.modules.organisations.service.createOrganisation(system, {
    name: `Partner ${n}`,
    kind: 'partner',
  });
  return org.id;
}

/** Open violations straight into the table, as the rules engine leaves them: no proposal yet. */
async function openViolations(container: Container, orgId: string, count: number) {
  for (let i = 0; i < count; i++) {
    const id = newId();
    await container.database.db.insert(violations).values({
      id,
      orgId,
      ruleId: i % 2 ? 'repeated-late-reporting' : 'late-serious-report',
      severity: i % 2 ? 'minor' : 'major',
      dedupeKey: `test:${id}`,
      summary: `violation ${i} of ${orgId}`,
      status: 'open',
      openedAt: clock.now(),
    });
    violationIds.push(id);
  }
}

/** A suspension in force that ends an hour from START. */
async function suspend(container: Container, orgId: string) {
  const { service } = container.modules.sanctions;
  const proposed = await service.propose(system, { orgId, measure: 'suspension', period: 'P1M', reason: 'test' });
  const endsAt = new Date(new Date(START).getTime() + 3_600_000).toISOString();
  const decided = await service.decide(system, proposed.id, { decision: 'change', reason: 'An hour', endsAt });
  expect(decided.status).toBe('in_force');
  suspensionIds.push(decided.id);
}

/** Holds each job until the other worker has one too (or 100 ms pass), so the two really run at the same time. */
let waiting: (() => void) | undefined;
const ran: string[] = [];
function inPairs(worker: string, handlers: JobHandlers): JobHandlers {
  const meet = () =>
    new Promise<void>((resolve) => {
      if (waiting) {
        waiting();
        waiting = undefined;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        waiting = undefined;
        resolve();
      }, 100);
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      async (...args: Parameters<JobHandler>) => {
        await meet();
        await handler(...args);
        ran.push(worker);
      },
    ]),
  );
}

beforeAll(async () => {
  two = await openTwo();
  dataDir = mkdtempSync(path.join(tmpdir(), 'threatshare-sanctions-jobs-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  a = await createContainer(config, { clock, database: two.handles[0] });
  await a.prepare();
  b = await createContainer(config, { clock, database: two.handles[1] });
  await b.prepare();
  await a.modules.system.service.bootstrap();
  for (let n = 0; n < 6; n++) await openViolations(a, await partner(a, n), 3);
  for (let n = 6; n < 12; n++) await suspend(a, await partner(a, n));
});
afterAll(async () => {
  await two?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('two workers running the sanctions jobs at once', () => {
  it('propose once per violation and open one review per ended suspension', async () => {
    clock.set(LATER);
    // Overlapping work: proposals for overlapping slices of the violations (as the rules engine enqueues them),
    // then sweeps (everything). Without SKIP LOCKED on the violations two proposers deadlock on the audit head.
    const { db } = a.database;
    for (let i = 0; i < violationIds.length; i += 4) {
      await a.jobs.enqueue(db, 'sanctions.propose', { violationIds: violationIds.slice(i, i + 5) });
    }
    for (let i = 0; i < 4; i++) await a.jobs.enqueue(db, 'sanctions.sweep', {});
    await a.jobs.enqueue(db, 'sanctions.propose', {});
    const workers = [a, b].map((container, i) =>
      createWorker({
        queue: container.jobs,
        handlers: inPairs(`worker-${i}`, container.modules.sanctions.jobs.handlers),
        clock,
        pollMs: 2,
        batchSize: 1,
        workerId: `worker-${i}`,
      }),
    );
    const drain = async (worker: (typeof workers)[number]) => {
      while ((await worker.runOnce()) > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    };
    await Promise.all(workers.map(drain));

    const jobs = await queryRows<{ kind: string; done: boolean; attempts: number; lastError: string | null }>(
      db,
      sql`select kind, done_at is not null as done, attempts, last_error as "lastError" from jobs where kind like 'sanctions.%'`,
    );
    expect(jobs.filter((j) => !j.done || j.attempts !== 1)).toEqual([]);
    expect(ran).toHaveLength(jobs.length);
    if (a.database !== b.database) {
      // Both really worked (on one embedded connection one may win every race).
      expect(new Set(ran)).toEqual(new Set(['worker-0', 'worker-1']));
    }

    const proposals = await queryRows<{ violationId: string; n: number }>(
      db,
      sql`select violation_id as "violationId", count(*)::int as n from sanctions where source = 'policy' group by 1`,
    );
    expect(proposals.map((p) => p.violationId).sort()).toEqual([...violationIds].sort());
    expect(proposals.filter((p) => p.n !== 1)).toEqual([]);

    const reviews = await queryRows<{ sanctionId: string; n: number; status: string }>(
      db,
      sql`select r.sanction_id as "sanctionId", count(*)::int as n, min(s.status) as status
          from sanction_reviews r join sanctions s on s.id = r.sanction_id group by 1`,
    );
    expect(reviews.map((r) => r.sanctionId).sort()).toEqual([...suspensionIds].sort());
    expect(reviews.filter((r) => r.n !== 1 || r.status !== 'under_review')).toEqual([]);

    const audited = await queryRows<{ action: string; n: number }>(
      db,
      sql`select action, count(*)::int as n from audit_log where action in ('sanction.proposed', 'review.opened')
          and actor_label like 'jobs:%' group by 1 order by 1`,
    );
    expect(audited).toEqual([
      { action: 'review.opened', n: suspensionIds.length },
      { action: 'sanction.proposed', n: violationIds.length },
    ]);
    expect(await a.modules.audit.service.verify()).toMatchObject({ ok: true });
  });
});

describe('a due sanction that cannot be processed', () => {
  it('does not hold up the others: they are done, it is named, and the job fails so it is retried', async () => {
    const stuck = await partner(a, 100);
    const fine = await partner(a, 101);
    clock.set(START);
    await suspend(a, stuck);
    await suspend(a, fine);
    clock.set(LATER);
    // Telling this partner fails (say, its notice cannot be stored): its review rolls back, the other's goes ahead.
    const notifications = a.modules.notifications.service;
    const notify = notifications.notify;
    notifications.notify = async (ex, notice) => {
      if (notice.orgId === stuck) throw new Error('notice store unavailable');
      return notify(ex, notice);
    };
    try {
      const sweep = a.modules.sanctions.jobs.handlers['sanctions.sweep']!;
      await expect(sweep({}, { job: {} as never, now: clock.now() })).rejects.toThrow(
        /^1 due sanction\(s\) failed: sanction [0-9a-f-]{36}: notice store unavailable/,
      );
    } finally {
      notifications.notify = notify;
    }
    const reviews = await a.modules.sanctions.reviews.listReviews(system, { limit: 10, offset: 0 });
    const byOrg = (orgId: string) => reviews.items.filter((r) => r.orgId === orgId);
    expect(byOrg(fine)).toHaveLength(1);
    expect(byOrg(stuck)).toHaveLength(0);
    const [left] = (await a.modules.sanctions.service.listSanctions(system, { orgId: stuck, limit: 5, offset: 0 }))
      .items;
    expect(left).toMatchObject({ status: 'in_force' });
    expect((await a.modules.organisations.service.findOrganisation(stuck))?.partnerStatus).toBe('suspended');
  });

  it('settles a suspension whose partner was revoked or reinstated by hand meanwhile, instead of reviewing it', async () => {
    const revoked = await partner(a, 102);
    const reinstated = await partner(a, 103);
    clock.set(START);
    await suspend(a, revoked);
    await suspend(a, reinstated);
    const orgs = a.modules.organisations.service;
    await orgs.changePartnerStatus(system, revoked, { status: 'revoked', reason: 'Contract ended' });
    await orgs.changePartnerStatus(system, reinstated, { status: 'under_review', reason: 'Early review' });
    await orgs.changePartnerStatus(system, reinstated, { status: 'active', reason: 'Reinstated early' });
    clock.set(LATER);
    await a.modules.sanctions.jobs.handlers['sanctions.sweep']!({}, { job: {} as never, now: clock.now() });
    for (const [orgId, outcome, status] of [
      [revoked, 'revoked', 'revoked'],
      [reinstated, 'reinstated', 'active'],
    ] as const) {
      const [s] = (await a.modules.sanctions.service.listSanctions(system, { orgId, limit: 5, offset: 0 })).items;
      expect(s).toMatchObject({ status: 'completed', outcome });
      expect((await orgs.findOrganisation(orgId))?.partnerStatus).toBe(status);
      const reviews = await a.modules.sanctions.reviews.listReviews(system, { orgId, limit: 5, offset: 0 });
      expect(reviews.total).toBe(0);
    }
  });
});

describe('managers deciding at the same time', () => {
  it('put one of two suspensions in force and refuse the other (409), whichever commits first', async () => {
    clock.set(START);
    const orgId = await partner(a, 200);
    const propose = (reason: string) =>
      a.modules.sanctions.service.propose(system, { orgId, measure: 'suspension', period: 'P1M', reason });
    const [first, second] = [await propose('first'), await propose('second')];
    const results = await Promise.allSettled([
      a.modules.sanctions.service.decide(system, first.id, { decision: 'confirm' }),
      b.modules.sanctions.service.decide(system, second.id, { decision: 'confirm' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'sanction.already_suspended' });
    const inForce = await a.modules.sanctions.service.listSanctions(system, {
      orgId,
      status: 'in_force',
      limit: 5,
      offset: 0,
    });
    expect(inForce.total).toBe(1);
  });

  it('confirm a warning while another changes the status by hand: both done, no deadlock', async () => {
    clock.set(START);
    const orgId = await partner(a, 201);
    const warning = await a.modules.sanctions.service.propose(system, { orgId, measure: 'warning', reason: 'w' });
    const until = new Date(new Date(START).getTime() + 86_400_000).toISOString();
    const results = await Promise.allSettled([
      a.modules.sanctions.service.decide(system, warning.id, { decision: 'confirm' }),
      b.modules.organisations.service.changePartnerStatus(system, orgId, {
        status: 'suspended',
        reason: 'hand',
        until,
      }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    expect((await a.modules.organisations.service.findOrganisation(orgId))?.partnerStatus).toBe('suspended');
  });
});
