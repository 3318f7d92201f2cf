import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signInReady } from '../../../test/helpers/actors.ts';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { reports } from '../../db/schema/index.ts';
import { newId } from '../../shared/ids.ts';
import type { ReportFacts, SubmissionFacts } from './index.ts';

let ctx: TestContext;
let admin: Actor;
let partner: { id: string };
let viewer: Actor;
const DAY = 86_400;

const content = {
  title: 'Log4Shell',
  description: 'JNDI lookup RCE',
  technicalDetails: 'Lookups in messages',
  impact: 'Remote code execution',
  scopeOfImpact: 'Java applications using log4j-core',
  products: [
    {
      vendor: 'Apache Software Foundation',
      product: 'Apache Log4j 2',
      model: 'log4j-core',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
      versions: [{ scheme: 'maven', introduced: '2.0-beta9', fixed: '2.15.0' }],
    },
  ],
};

/** A report row as the reports module would store it (its intake is tested there). */
async function insertReport(orgId: string, receivedAt: Date): Promise<string> {
  const id = newId();
  await ctx.container.database.db.insert(reports).values({
    id,
    ref: `TS-TEST-${id.slice(0, 8)}`,
    reporterOrgId: orgId,
    title: 'Remote code execution in Apache Log4j 2',
    descriptionEnc: 'x',
    status: 'received',
    tlp: 'AMBER',
    tier: 'general',
    severity: 'critical',
    exploitation: 'active',
    source: 'api',
    receivedAt,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  });
  return id;
}

const facts = (reportId: string, over: Partial<ReportFacts> = {}): ReportFacts => ({
  reportId,
  orgId: partner.id,
  receivedAt: new Date('2021-12-09T00:00:00Z'),
  timeline: { awareAt: new Date('2021-11-24T00:00:00Z') },
  exploitation: 'active',
  severity: 'critical',
  tier: 'general',
  tlp: 'AMBER',
  cveId: 'CVE-2021-44228',
  content,
  ...over,
});

const service = () => ctx.container.modules.regimes.service;
const recompute = (f: ReportFacts, subs: SubmissionFacts[]) =>
  ctx.container.database.db.transaction((tx) => service().recomputeForReport(tx, f, subs));

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-09T00:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  partner = await createOrg(ctx.app, admin, 'partner');
  viewer = await createUser(ctx.app, admin, partner.id, 'viewer');
  for (const regimeId of ['cn-2021', 'eu-cra-art14', 'cve-cna']) {
    await as(
      ctx.app,
      admin,
    )({ method: 'POST', url: `/api/v1/organisations/${partner.id}/regimes`, payload: { regimeId } });
  }
});
afterAll(() => ctx.close());

describe('obligations of a report', () => {
  it('are computed and stored for the acceptance scenario, and recomputed when facts change', async () => {
    const reportId = await insertReport(partner.id, new Date('2021-12-09T00:00:00Z'));
    const sub: SubmissionFacts = {
      id: newId(),
      stage: 'initial',
      receivedAt: new Date('2021-12-09T00:00:00Z'),
      content,
    };
    const rows = await recompute(facts(reportId), [sub]);
    const by = Object.fromEntries(rows.map((r) => [`${r.regimeId}/${r.obligationKey}`, r]));
    expect(by['cn-2021/report']).toMatchObject({
      status: 'late',
      latenessSeconds: 13 * DAY,
      metBySubmissionId: sub.id,
    });
    expect(by['eu-cra-art14/early-warning']).toMatchObject({ status: 'late', latenessSeconds: 14 * DAY });
    expect(by['eu-cra-art14/notification']).toMatchObject({ status: 'late', latenessSeconds: 12 * DAY });
    expect(by['eu-cra-art14/final-report']).toMatchObject({ status: 'pending', dueAt: null });
    expect(await service().listForReport(reportId)).toHaveLength(5);

    // Not actively exploited after all: the CRA obligations no longer apply and are removed; ids are kept.
    const again = await recompute(facts(reportId, { exploitation: 'none' }), [sub]);
    expect(again.map((r) => r.regimeId).sort()).toEqual(['cn-2021', 'cve-cna']);
    expect(again.find((r) => r.regimeId === 'cn-2021')?.id).toBe(by['cn-2021/report']?.id);
    expect(await service().listForReport(reportId)).toHaveLength(2);
  });

  it('tells a submission what its stage still needs under the assigned regimes', async () => {
    const f = facts(newId(), { content: { ...content, impact: '', products: [] } });
    expect(await service().missingFieldsFor(partner.id, 'initial', f)).toEqual([
      'products/*/product',
      'products/*/model',
      'products/*/versions',
      'impact',
    ]);
    expect(await service().missingFieldsFor(partner.id, 'final_report', facts(newId()))).toEqual(['cvssV31|cvssV40']);
  });

  it('are swept to missed once past due, once each, one audit entry per obligation', async () => {
    const reportId = await insertReport(partner.id, new Date('2021-12-09T00:00:00Z'));
    ctx.clock.set('2021-11-25T00:00:00Z');
    const pending = await recompute(facts(reportId, { timeline: { awareAt: new Date('2021-11-24T12:00:00Z') } }), []);
    expect(pending.filter((r) => r.status === 'pending')).toHaveLength(5);
    ctx.clock.set('2021-12-09T00:00:00Z');
    const [first, second] = await Promise.all([service().sweepMissed(), service().sweepMissed()]);
    expect((first ?? 0) + (second ?? 0)).toBe(3);
    expect(await service().sweepMissed()).toBe(0);
    const rows = await service().listForReport(reportId);
    expect(rows.find((r) => r.obligationKey === 'report')).toMatchObject({
      status: 'missed',
      latenessSeconds: 12.5 * DAY,
    });
    const audit = await as(
      ctx.app,
      admin,
    )({
      method: 'GET',
      url: `/api/v1/audit?subjectId=${reportId}&action=obligation.missed`,
    });
    expect(audit.json().total).toBe(3);
    expect(audit.json().items[0]).toMatchObject({ actor: { type: 'system', label: 'jobs:obligations.sweep' } });
  });

  it('the sweep runs as the obligations.sweep job', async () => {
    const jobs = ctx.container.modules.regimes.jobs;
    expect(jobs.periodic).toEqual([{ kind: 'obligations.sweep', everyMs: 300_000 }]);
    await expect(
      jobs.handlers['obligations.sweep']!({}, { job: {} as never, now: ctx.clock.now() }),
    ).resolves.toBeUndefined();
  });
});

describe('the deadlines board', () => {
  it('lists obligations soonest due first, filtered, with the report reference', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: `/api/v1/obligations?orgId=${partner.id}&limit=200` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { dueAt: string | null; reportRef: string }[];
    const due = items.map((i) => i.dueAt).filter((d) => d !== null);
    expect(due).toEqual([...due].sort());
    expect(items.at(-1)?.dueAt).toBeNull();
    expect(items[0]?.reportRef).toMatch(/^TS-TEST-/);
    const missed = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/obligations?status=missed' });
    expect(missed.json().items.every((i: { status: string }) => i.status === 'missed')).toBe(true);
    const before = await as(
      ctx.app,
      admin,
    )({
      method: 'GET',
      url: '/api/v1/obligations?dueBefore=2021-11-26T00:00:01Z',
    });
    expect(before.json().items.every((i: { dueAt: string }) => i.dueAt <= '2021-11-26T00:00:01Z')).toBe(true);
  });

  it('shows an organisation only its own obligations', async () => {
    const own = await as(ctx.app, viewer)({ method: 'GET', url: '/api/v1/obligations' });
    expect(own.json().total).toBeGreaterThan(0);
    const stranger = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'partner')).id, 'admin');
    const none = await as(ctx.app, stranger)({ method: 'GET', url: `/api/v1/obligations?orgId=${partner.id}` });
    expect(none.json()).toMatchObject({ total: 0, items: [] });
  });

  it('refuses bad filters with 400 problem+json', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/obligations?status=overdue' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, errors: [{ pointer: '/status' }] });
  });
});
