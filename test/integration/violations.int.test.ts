import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/jobs/index.ts';
import { type Actor, as, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createCliWorld } from '../helpers/cli.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { assignRegimes, log4shellReport, submitReport } from '../helpers/reports.ts';

/**
 * The rules engine on the acceptance scenario: a partner bound by CN 2021 became aware of a critical RCE on
 * 2021-11-24 and reported it on 2021-12-09, 13 days late.
 */
let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let other: Actor;
let orgId: string;
const MEDIUM = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N';

type ViolationJson = { id: string; orgId: string; ruleId: string; severity: string; obligationIds: string[] };
const list = async (actor: Actor, query = '') => {
  const res = await as(ctx.app, actor)({ method: 'GET', url: `/api/v1/violations${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: ViolationJson[]; total: number };
};
const evaluate = (actor: Actor) => as(ctx.app, actor)({ method: 'POST', url: '/api/v1/violations/evaluate' });
const audit = async (query: string) =>
  (await as(ctx.app, admin)({ method: 'GET', url: `/api/v1/audit?limit=500&${query}` })).json().items as {
    action: string;
    actor: { label: string };
    subjectId: string | null;
    summary: Record<string, unknown>;
  }[];

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-09T10:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  orgId = (await createOrg(ctx.app, admin, 'partner', { country: 'CN' })).id;
  partner = await createUser(ctx.app, admin, orgId, 'reporter');
  other = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'partner')).id, 'admin');
  await assignRegimes(ctx.app, admin, orgId, ['cn-2021']);
});
afterAll(() => ctx.close());

describe('violations: the rules engine', () => {
  let obligationId: string;
  let violation: ViolationJson;

  it('opens exactly one major violation for the late critical report, linked to its obligation', async () => {
    const { report } = await submitReport(ctx.app, partner, log4shellReport());
    const obligations = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/obligations?reportId=${report.id}` });
    const [cn] = obligations.json().items as { id: string; status: string; latenessSeconds: number }[];
    expect(cn).toMatchObject({ status: 'late', latenessSeconds: 13 * 86_400 });
    obligationId = cn!.id;

    const res = await evaluate(admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ opened: 1 });
    const page = await list(admin, `?orgId=${orgId}`);
    expect(page.total).toBe(1);
    violation = page.items[0]!;
    expect(violation).toMatchObject({
      orgId,
      ruleId: 'late-serious-report',
      severity: 'major',
      status: 'open',
      obligationIds: [obligationId],
      evidenceIds: [],
      dedupeKey: `rule:late-serious-report:obligation:${obligationId}`,
      summary: expect.stringContaining('late by 13 days'),
    });
    const opened = await audit('action=violation.opened');
    expect(opened).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ label: 'jobs:violations.evaluate' }),
        subjectId: violation.id,
        summary: expect.objectContaining({
          ruleId: 'late-serious-report',
          obligationIds: [obligationId],
          requestedBy: admin.email,
        }),
      }),
    ]);
  });

  it('is idempotent: again, concurrently and as the periodic job, it opens nothing more', async () => {
    expect((await evaluate(admin)).json()).toMatchObject({ opened: 0, items: [] });
    const { service } = ctx.container.modules.violations;
    const runs = await Promise.all([service.runRules(), service.runRules(), service.runRules()]);
    expect(runs.flat()).toEqual([]);
    await ctx.container.jobs.enqueue(ctx.container.database.db, 'violations.evaluate');
    const { handlers } = ctx.container.modules.violations.jobs;
    expect(await createWorker({ queue: ctx.container.jobs, handlers, clock: ctx.clock }).runOnce()).toBe(1);
    expect((await list(admin, `?orgId=${orgId}`)).total).toBe(1);
    expect(await audit('action=violation.opened')).toHaveLength(1);
  });

  it('opens each violation once when evaluations race (the unique dedupe key decides)', async () => {
    const racer = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'partner')).id, 'reporter');
    await assignRegimes(ctx.app, admin, racer.orgId, ['cn-2021']);
    await submitReport(ctx.app, racer, log4shellReport({ cveId: undefined }));
    const { service } = ctx.container.modules.violations;
    const runs = await Promise.all([service.runRules(), service.runRules(), service.runRules()]);
    expect(runs.flat()).toHaveLength(1);
    expect((await list(admin, `?orgId=${racer.orgId}`)).items).toEqual([
      expect.objectContaining({ severity: 'major', orgId: racer.orgId }),
    ]);
    const opened = await audit('action=violation.opened');
    expect(opened.filter((e) => e.subjectId === runs.flat()[0]!.id)).toHaveLength(1);
  });

  it('opens a minor violation for three late obligations within 90 days', async () => {
    const slow = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'partner')).id, 'reporter');
    await assignRegimes(ctx.app, admin, slow.orgId, ['cn-2021']);
    const late = (day: string) => ({
      cveId: undefined,
      cvssV31: MEDIUM,
      timeline: { awareAt: `${day}T10:00:00.000Z` },
    });
    await submitReport(ctx.app, slow, log4shellReport(late('2021-11-20')));
    await submitReport(ctx.app, slow, log4shellReport(late('2021-11-24')));
    await evaluate(admin);
    expect((await list(admin, `?orgId=${slow.orgId}`)).total).toBe(0);
    await submitReport(ctx.app, slow, log4shellReport(late('2021-12-01')));
    const res = await evaluate(admin);
    expect(res.json()).toMatchObject({ opened: 1 });
    const [minor] = (await list(admin, `?orgId=${slow.orgId}`)).items;
    expect(minor).toMatchObject({ ruleId: 'repeated-late-reporting', severity: 'minor' });
    expect(minor!.obligationIds).toHaveLength(3);
    expect((await evaluate(admin)).json()).toMatchObject({ opened: 0 });
  });

  it('shows an organisation its own violations only; others get nothing and 404; no session is 401', async () => {
    expect((await list(partner)).items.map((v) => v.id)).toEqual([violation.id]);
    const own = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/violations/${violation.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: violation.id, ruleName: expect.any(String) });

    expect(await list(other)).toMatchObject({ items: [], total: 0 });
    expect(await list(other, `?orgId=${orgId}`)).toMatchObject({ items: [], total: 0 });
    const hidden = await as(ctx.app, other)({ method: 'GET', url: `/api/v1/violations/${violation.id}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect(hidden.json()).toMatchObject({ code: 'violation.not_found' });

    for (const url of ['/api/v1/violations', `/api/v1/violations/${violation.id}`, '/api/v1/violation-rules']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/violations/evaluate' })).statusCode).toBe(401);
  });

  it('refuses evaluation and the rules to partners (403, audited as access.denied)', async () => {
    const res = await evaluate(other);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 403, code: 'violation.evaluate_forbidden' });
    const rules = await as(ctx.app, other)({ method: 'GET', url: '/api/v1/violation-rules' });
    expect(rules.statusCode).toBe(403);
    const denied = await audit('action=access.denied');
    expect(denied.map((e) => [e.actor.label, e.summary.attempted])).toEqual(
      expect.arrayContaining([
        [other.email, 'violation.evaluate'],
        [other.email, 'violation_rules.read'],
      ]),
    );
  });

  it('lists the active rules to operator staff and rejects bad queries', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/violation-rules' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([
      'late-serious-report',
      'repeated-late-reporting',
    ]);
    const bad = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/violations?status=maybe&colour=red' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const badId = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/violations/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
  });
});

describe('violation rules files', () => {
  it('VIOLATION_RULES_FILE replaces the built-ins; an invalid one refuses to start, naming every problem', async () => {
    const file = path.join(ctx.dataDir, 'rules.json');
    const rule = {
      id: 'any-missed',
      name: 'Any missed obligation',
      severity: 'major',
      description: '',
      when: { kind: 'obligation', statuses: ['missed'] },
    };
    writeFileSync(file, JSON.stringify({ rules: [rule] }));
    const custom = await createTestContext({ env: { VIOLATION_RULES_FILE: file } });
    try {
      expect(custom.container.modules.violations.service.activeRules().map((r) => r.id)).toEqual(['any-missed']);
    } finally {
      await custom.close();
    }
    writeFileSync(
      file,
      JSON.stringify({
        rules: [{ ...rule, colour: 'red', when: { kind: 'count', statuses: ['late'], atLeast: 0, within: 'P0D' } }],
      }),
    );
    await expect(createTestContext({ env: { VIOLATION_RULES_FILE: file } })).rejects.toThrow(
      /rules\/0\/colour: is not a known property[\s\S]*rules\/0\/when\/atLeast: must be >= 1[\s\S]*rules\/0\/when\/within: 'P0D' is shorter than a second/,
    );
  });

  it('threatshare violations rules check: exit 0 for a valid file, 2 listing every problem otherwise', async () => {
    const world = await createCliWorld();
    try {
      const good = path.join(world.dataDir, 'good.json');
      const bad = path.join(world.dataDir, 'bad.json');
      writeFileSync(
        good,
        JSON.stringify({
          rules: [
            {
              id: 'x',
              name: 'X',
              severity: 'minor',
              description: '',
              when: { kind: 'count', statuses: ['late'], atLeast: 2, within: 'P30D' },
            },
          ],
        }),
      );
      writeFileSync(
        bad,
        JSON.stringify({
          rules: [
            {
              id: 'Bad Id',
              severity: 'huge',
              description: '',
              when: { kind: 'obligation', statuses: [], minLateness: 'P' },
            },
          ],
        }),
      );
      const ok = await world.cli(['violations', 'rules', 'check', good]);
      expect(ok).toMatchObject({ code: 0, stderr: '' });
      expect(ok.stdout).toContain('defines 1 rule(s): x');
      const refused = await world.cli(['violations', 'rules', 'check', bad]);
      expect(refused.code).toBe(2);
      for (const pointer of [
        '/rules/0/id',
        '/rules/0/severity',
        "/rules/0: must have required property 'name'",
        '/rules/0/when/statuses',
      ]) {
        expect(refused.stderr).toContain(pointer);
      }
      const listed = await world.json<{ items: { id: string }[] }>(['violations', 'rules', 'list']);
      expect(listed.items.map((r) => r.id)).toEqual(['late-serious-report', 'repeated-late-reporting']);
      const evaluated = await world.json<{ opened: number }>(['violations', 'evaluate']);
      expect(evaluated.opened).toBe(0);
      expect(await world.json(['violations', 'list'])).toEqual({ items: [], total: 0 });
    } finally {
      await world.close();
    }
  });
});
