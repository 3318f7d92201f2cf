import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signIn, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { runJob, runPendingJobs } from '../../helpers/jobs.ts';
import { assignRegimes, log4shellReport, submitReport } from '../../helpers/reports.ts';

/**
 * The acceptance scenario of the partner programme: the late report of the reporting-clocks scenario (aware
 * 2021-11-24, reported 2021-12-09) → a major violation → a six-month suspension confirmed on 2021-12-22 → the
 * partner loses partner-only content but still reports → the review opens on 2022-06-22 → rectification →
 * reinstated, capabilities restored, the whole story in a verified audit chain.
 */
let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let partnerAdmin: Actor;
let other: Actor;
let cloud: { id: string; name: string };
const ids: { amber?: string; green?: string; sanction?: string; review?: string } = {};

async function travelTo(time: string) {
  ctx.clock.set(time);
  admin = await signIn(ctx.app, admin.email, admin.password);
  partner = await signIn(ctx.app, partner.email, partner.password);
  partnerAdmin = await signIn(ctx.app, partnerAdmin.email, partnerAdmin.password);
  other = await signIn(ctx.app, other.email, other.password);
}

const call = (actor: Actor, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  as(ctx.app, actor)({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
const org = async () => (await call(admin, 'GET', `/organisations/${cloud.id}`)).json();
const visibleReports = async (actor: Actor) =>
  ((await call(actor, 'GET', '/reports?limit=200')).json().items as { id: string }[]).map((r) => r.id);

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-11-20T09:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  cloud = await createOrg(ctx.app, admin, 'partner', { name: 'Cloud Provider Ltd', country: 'CN' });
  partner = await createUser(ctx.app, admin, cloud.id, 'reporter');
  partnerAdmin = await createUser(ctx.app, admin, cloud.id, 'admin');
  const otherOrg = await createOrg(ctx.app, admin, 'partner');
  other = await createUser(ctx.app, admin, otherOrg.id, 'reporter');
  await assignRegimes(ctx.app, admin, cloud.id, ['cn-2021']);

  // Another partner's reports, shared with the cloud provider as an affected vendor: one AMBER, one GREEN.
  const amber = log4shellReport({ title: 'Partner-only: flaw in the hosting control plane', cveId: undefined });
  const green = log4shellReport({ title: 'Shareable: flaw in the hosting console', cveId: undefined, tlp: 'GREEN' });
  ids.amber = (await submitReport(ctx.app, other, amber)).report.id;
  ids.green = (await submitReport(ctx.app, other, green)).report.id;
  for (const id of [ids.amber, ids.green]) {
    const added = await call(admin, 'POST', `/reports/${id}/vendors`, { orgId: cloud.id });
    expect(added.statusCode, added.body).toBeLessThan(300);
  }
});
afterAll(() => ctx.close());

describe('a late report leads to a suspension, a review and reinstatement', () => {
  it('before: an active partner receives partner-only reports shared with it', async () => {
    expect((await org()).capabilities).toEqual({ receivesPartnerOnly: true, reports: true });
    expect(await visibleReports(partner)).toEqual(expect.arrayContaining([ids.amber, ids.green]));
  });

  it('the report 13 days late opens a major violation, and the policy proposes a six-month suspension', async () => {
    await travelTo('2021-12-09T10:00:00.000Z');
    await submitReport(ctx.app, partner, log4shellReport());
    await travelTo('2021-12-22T09:00:00.000Z');
    const evaluated = await call(admin, 'POST', '/violations/evaluate');
    expect(evaluated.json()).toMatchObject({
      opened: 1,
      items: [{ ruleId: 'late-serious-report', severity: 'major' }],
    });
    expect(await runPendingJobs(ctx)).toBeGreaterThan(0);

    const proposals = (await call(admin, 'GET', `/sanctions?orgId=${cloud.id}`)).json();
    expect(proposals.items).toEqual([
      expect.objectContaining({
        measure: 'suspension',
        period: 'P6M',
        status: 'proposed',
        source: 'policy',
        violationId: evaluated.json().items[0].id,
        orgName: 'Cloud Provider Ltd',
      }),
    ]);
    expect(proposals.items[0].reason).toMatch(/^Major violation \(late-serious-report\)/);
    ids.sanction = proposals.items[0].id;
    // Deliberation is the operator's: the partner sees no proposal.
    expect((await call(partner, 'GET', '/sanctions')).json().total).toBe(0);
    expect((await call(partner, 'GET', `/sanctions/${ids.sanction}`)).statusCode).toBe(404);
  });

  it('the operator confirms it: suspended from 2021-12-22 for six months, partner-only content withheld', async () => {
    const decided = await call(admin, 'POST', `/sanctions/${ids.sanction}/decision`, {
      decision: 'confirm',
      reason: 'Reported a critical vulnerability 13 days late',
      legalBasis: 'Partner agreement § 7',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      orgName: 'Cloud Provider Ltd',
      decidedByLabel: admin.email,
      status: 'in_force',
      decision: 'confirm',
      startsAt: '2021-12-22T09:00:00.000Z',
      endsAt: '2022-06-22T09:00:00.000Z',
    });
    expect(await org()).toMatchObject({
      partnerStatus: 'suspended',
      partnerStatusUntil: '2022-06-22T09:00:00.000Z',
      capabilities: { receivesPartnerOnly: false, reports: true },
    });
    const violation = (await call(admin, 'GET', `/violations/${decided.json().violationId}`)).json();
    expect(violation.status).toBe('closed');

    const seen = await visibleReports(partner);
    expect(seen).toContain(ids.green);
    expect(seen).not.toContain(ids.amber);
    expect((await call(partner, 'GET', `/reports/${ids.amber}`)).statusCode).toBe(404);

    const own = (await call(partner, 'GET', '/sanctions')).json();
    expect(own.items).toEqual([expect.objectContaining({ id: ids.sanction, status: 'in_force' })]);
    expect(own.items[0].decisionReason).toBe('Reported a critical vulnerability 13 days late');
    // The partner sees the measure and the reasons, not who in the operator decided it.
    expect(own.items[0]).toMatchObject({ decidedByLabel: 'the operator', proposedByLabel: 'the operator' });
    expect((await call(partner, 'GET', `/sanctions/${ids.sanction}`)).json().decidedByLabel).toBe('the operator');
    const told = (await call(partner, 'GET', '/notifications')).json().items;
    expect(told).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'sanction.in_force' })]));
  });

  it('while suspended the partner still reports, and its obligations keep running', async () => {
    await travelTo('2022-02-01T09:00:00.000Z');
    const report = await submitReport(
      ctx.app,
      partner,
      log4shellReport({
        title: 'A new flaw found while suspended',
        cveId: undefined,
        timeline: { awareAt: '2022-01-31T09:00:00.000Z' },
      }),
    );
    const obligations = (await call(partner, 'GET', `/reports/${report.report.id}/obligations`)).json();
    expect(obligations.items).toEqual([expect.objectContaining({ regimeId: 'cn-2021', status: 'met' })]);
    expect(await visibleReports(partner)).not.toContain(ids.amber);
  });

  it('on 2022-06-22 the job opens the reinstatement review', async () => {
    await travelTo('2022-06-22T08:59:00.000Z');
    await runJob(ctx, 'sanctions.sweep');
    expect((await org()).partnerStatus).toBe('suspended');

    await travelTo('2022-06-22T09:00:00.000Z');
    await runJob(ctx, 'sanctions.sweep');
    await runJob(ctx, 'sanctions.sweep'); // idempotent: one review
    const reviews = (await call(partner, 'GET', '/reviews')).json();
    expect(reviews.items).toEqual([
      expect.objectContaining({ sanctionId: ids.sanction, round: 1, status: 'awaiting_rectification' }),
    ]);
    ids.review = reviews.items[0].id;
    expect(await org()).toMatchObject({ partnerStatus: 'under_review', capabilities: { receivesPartnerOnly: false } });
    const told = (await call(partnerAdmin, 'GET', '/notifications?unread=true')).json().items;
    expect(told).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'review.opened' })]));
  });

  it('the partner submits its rectification, with an attachment', async () => {
    const plan = Buffer.from('Vulnerability intake now staffed 24/7; reporting within 24 hours of awareness.\n');
    const res = await call(partnerAdmin, 'POST', `/reviews/${ids.review}/rectifications`, {
      summary: 'We rebuilt our vulnerability reporting process.',
      processes: 'A reporting deadline tracker with escalation after 12 hours.',
      contacts: 'A named PSIRT lead and deputy, registered with the operator.',
      tooling: 'Automated submission through the API.',
      attachments: [{ filename: 'plan.txt', mediaType: 'text/plain', contentBase64: plan.toString('base64') }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [attachment] = res.json().attachments;
    const file = await call(admin, 'GET', `/reviews/${ids.review}/attachments/${attachment.id}`);
    expect(file.rawPayload.equals(plan)).toBe(true);
    const review = (await call(admin, 'GET', `/reviews/${ids.review}`)).json();
    expect(review).toMatchObject({
      status: 'rectification_submitted',
      sanction: { id: ids.sanction, status: 'under_review' },
      rectifications: [
        { summary: 'We rebuilt our vulnerability reporting process.', attachments: [{ filename: 'plan.txt' }] },
      ],
    });
  });

  it('the operator reinstates: active again, partner-only content restored', async () => {
    await travelTo('2022-06-24T09:00:00.000Z');
    const res = await call(admin, 'POST', `/reviews/${ids.review}/decision`, {
      decision: 'reinstate',
      reason: 'The rectification addresses the cause of the late report',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', decision: 'reinstate' });
    expect(await org()).toMatchObject({
      partnerStatus: 'active',
      partnerStatusUntil: null,
      capabilities: { receivesPartnerOnly: true, reports: true },
    });
    expect(await visibleReports(partner)).toContain(ids.amber);
    const sanction = (await call(partner, 'GET', `/sanctions/${ids.sanction}`)).json();
    expect(sanction).toMatchObject({
      status: 'completed',
      outcome: 'reinstated',
      reviews: [{ decision: 'reinstate' }],
    });
  });

  it('the whole story is in the audit chain, in order, and the chain verifies', async () => {
    const entries = (await call(admin, 'GET', `/audit?orgId=${cloud.id}&limit=200&order=asc`)).json().items as {
      action: string;
      summary: Record<string, unknown>;
    }[];
    const story = entries
      .map((e) => (e.action === 'org.status_changed' ? `status:${e.summary.to}` : e.action))
      .filter((a) => /^(violation|sanction|review)\.|^status:/.test(a));
    expect(story).toEqual([
      'violation.opened',
      'sanction.proposed',
      'sanction.decided',
      'status:suspended',
      'sanction.in_force',
      'status:under_review',
      'review.opened',
      'review.rectification_submitted',
      'status:active',
      'review.decided',
    ]);
    const history = (await call(admin, 'GET', `/organisations/${cloud.id}/status-history`)).json().items;
    // Newest first: admitted, suspended, under review, reinstated.
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'active',
      'under_review',
      'suspended',
      'active',
    ]);
    expect(await ctx.container.modules.audit.service.verify()).toMatchObject({ ok: true });
  });

  it("the regulator's statistics count the suspension in the month it started", async () => {
    const stats = await call(admin, 'GET', '/statistics?from=2021-11-01T00:00:00Z&to=2022-02-01T00:00:00Z');
    expect(stats.json().sanctionsPerMonth).toEqual([
      { month: '2021-11', sanctions: 0, warnings: 0, suspensions: 0, revocations: 0 },
      { month: '2021-12', sanctions: 1, warnings: 0, suspensions: 1, revocations: 0 },
      { month: '2022-01', sanctions: 0, warnings: 0, suspensions: 0, revocations: 0 },
    ]);
    const csv = await call(admin, 'GET', '/statistics.csv?from=2021-12-01T00:00:00Z&to=2022-01-01T00:00:00Z');
    expect(csv.body.split('\r\n')[0]).toMatch(/,violations,sanctions$/);
    expect(csv.body.split('\r\n')[1]).toMatch(/^2021-12,.*,1,1$/);
  });
});
