import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signIn, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { assignRegimes, log4shellReport, submitReport } from '../helpers/reports.ts';

/**
 * A partner under the CN 2021 regime reports one vulnerability 13 days late and one on time; another partner is
 * brought in as a vendor and answers a day later. Their scorecards, the CSV, and who may read what.
 */
let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let other: Actor;
let partnerOrg: { id: string; name: string };
let otherOrg: { id: string; name: string };
const DAY = 86_400;

async function travelTo(time: string) {
  ctx.clock.set(time);
  admin = await signIn(ctx.app, admin.email, admin.password);
  partner = await signIn(ctx.app, partner.email, partner.password);
  other = await signIn(ctx.app, other.email, other.password);
}

const get = (actor: Actor | null, url: string) =>
  actor ? as(ctx.app, actor)({ method: 'GET', url }) : ctx.app.inject({ method: 'GET', url });
const post = (actor: Actor, url: string, payload: Record<string, unknown>) =>
  as(ctx.app, actor)({ method: 'POST', url, payload });

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-01T09:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  partnerOrg = await createOrg(ctx.app, admin, 'partner', { country: 'CN' });
  otherOrg = await createOrg(ctx.app, admin, 'partner', { name: 'Vendor, "Quoted" Ltd' });
  partner = await createUser(ctx.app, admin, partnerOrg.id, 'reporter');
  other = await createUser(ctx.app, admin, otherOrg.id, 'admin');
  await assignRegimes(ctx.app, admin, partnerOrg.id, ['cn-2021']);

  await travelTo('2021-12-09T10:00:00.000Z');
  await submitReport(ctx.app, partner, log4shellReport());
  const onTime = await submitReport(
    ctx.app,
    partner,
    log4shellReport({
      title: 'Denial of service in the same logging library through crafted lookups',
      cveId: 'CVE-2021-45046',
      cvssV31: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
      timeline: { awareAt: '2021-12-08T10:00:00.000Z' },
    }),
  );
  await travelTo('2021-12-10T10:00:00.000Z');
  const added = await post(admin, `/api/v1/reports/${onTime.report.id}/vendors`, { orgId: otherOrg.id });
  expect(added.statusCode, added.body).toBeLessThan(300);
  await travelTo('2021-12-11T10:00:00.000Z');
  const answered = await post(other, `/api/v1/reports/${onTime.report.id}/statements`, {
    productIndex: 0,
    status: 'fixed',
    statement: 'Fixed in 2.16.0',
  });
  expect(answered.statusCode, answered.body).toBe(201);
  await travelTo('2021-12-15T10:00:00.000Z');
});
afterAll(() => ctx.close());

describe('an organisation scorecard', () => {
  it('counts obligations met on time and late, with the lateness, completeness and reports by severity', async () => {
    const res = await get(admin, `/api/v1/organisations/${partnerOrg.id}/scorecard`);
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({
      orgId: partnerOrg.id,
      orgName: partnerOrg.name,
      period: { from: '2020-12-15T10:00:00.000Z', to: '2021-12-15T10:00:00.000Z' },
      obligations: { total: 2, metOnTime: 1, late: 1, missed: 0, pending: 0, onTimeRate: 0.5 },
      lateness: { medianSeconds: 13 * DAY, worstSeconds: 13 * DAY },
      completeness: { submissions: 2, withAllRequiredFields: 2, rate: 1 },
      coordination: { requests: 0, answered: 0, responseRate: null, medianResponseSeconds: null },
      warnings: null,
      reportsBySeverity: { critical: 1, high: 0, medium: 1, low: 0, none: 0, unknown: 0 },
    });
    expect(card.trend).toHaveLength(13);
    expect(card.trend.at(-1)).toEqual({
      month: '2021-12',
      reports: 2,
      obligations: 1,
      metOnTime: 1,
      late: 0,
      missed: 0,
    });
    expect(card.trend.at(-2)).toEqual({
      month: '2021-11',
      reports: 0,
      obligations: 1,
      metOnTime: 0,
      late: 1,
      missed: 0,
    });
  });

  it('measures coordination: requests answered by a vendor statement, and how fast', async () => {
    const res = await get(other, `/api/v1/organisations/${otherOrg.id}/scorecard`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().coordination).toEqual({ requests: 1, answered: 1, responseRate: 1, medianResponseSeconds: DAY });
    expect(res.json().obligations.onTimeRate).toBeNull();
  });

  it('filters by period: nothing before the reports came in', async () => {
    const res = await get(
      partner,
      `/api/v1/organisations/${partnerOrg.id}/scorecard?from=2021-01-01T00:00:00Z&to=2021-11-01T00:00:00Z`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ obligations: { total: 0, onTimeRate: null }, lateness: { worstSeconds: null } });
    expect(res.json().trend).toHaveLength(10);
  });

  it('exports CSV: a header, one row per month and a totals row, quoted per RFC 4180', async () => {
    const res = await get(partner, `/api/v1/organisations/${partnerOrg.id}/scorecard.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="scorecard-.*\.csv"$/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('organisation,month,reports,obligations,met_on_time,late,missed,on_time_rate');
    expect(lines).toHaveLength(1 + 13 + 1 + 1);
    expect(lines).toContain(`${partnerOrg.name},2021-11,0,1,0,1,0,0`);
    expect(lines).toContain(`${partnerOrg.name},2021-12,2,1,1,0,0,1`);
    expect(lines[14]).toBe(`${partnerOrg.name},total,2,2,1,1,0,0.5`);
    const quoted = await get(other, `/api/v1/organisations/${otherOrg.id}/scorecard.csv`);
    expect(quoted.body.split('\r\n')[1]).toMatch(/^"Vendor, ""Quoted"" Ltd",2020-12,/);
  });
});

describe('who may read a scorecard', () => {
  it("refuses another partner's scorecard with 403 and audits the denial", async () => {
    const before = (await get(admin, '/api/v1/audit?action=access.denied&limit=1')).json().total as number;
    for (const url of [
      `/api/v1/organisations/${partnerOrg.id}/scorecard`,
      `/api/v1/organisations/${partnerOrg.id}/scorecard.csv`,
    ]) {
      const res = await get(other, url);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 403, code: 'scorecard.forbidden' });
    }
    const after = await get(admin, '/api/v1/audit?action=access.denied&limit=1');
    expect(after.json().total).toBe(before + 2);
    expect(after.json().items[0]).toMatchObject({
      action: 'access.denied',
      actor: { id: other.userId },
      orgId: partnerOrg.id,
      summary: { attempted: 'scorecard.read', code: 'scorecard.forbidden' },
    });
  });

  it('requires a session', async () => {
    const res = await get(null, `/api/v1/organisations/${partnerOrg.id}/scorecard`);
    expect(res.statusCode).toBe(401);
  });

  it('gives 404 for an organisation that does not exist, to the operator', async () => {
    const res = await get(admin, '/api/v1/organisations/00000000-0000-4000-8000-000000000000/scorecard');
    expect(res.statusCode).toBe(404);
  });

  it('rejects a bad period with a 400 problem', async () => {
    const url = `/api/v1/organisations/${partnerOrg.id}/scorecard`;
    const reversed = await get(partner, `${url}?from=2021-12-01T00:00:00Z&to=2021-01-01T00:00:00Z`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reversed.json()).toMatchObject({ code: 'scorecard.invalid_period', errors: [{ pointer: '/from' }] });
    const malformed = await get(partner, `${url}?from=last-tuesday`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].pointer).toMatch(/from/);
    const tooLong = await get(partner, `${url}?from=1990-01-01T00:00:00Z`);
    expect(tooLong.json()).toMatchObject({ status: 400, code: 'scorecard.period_too_long' });
  });
});

describe('platform statistics', () => {
  it('shows the operator reports per month, on-time rate, time to report and open obligations', async () => {
    const res = await get(admin, '/api/v1/statistics?from=2021-11-01T00:00:00Z&to=2022-01-01T00:00:00Z');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      reportsPerMonth: [
        { month: '2021-11', reports: 0, critical: 0, high: 0 },
        { month: '2021-12', reports: 2, critical: 1, high: 0 },
      ],
      obligationsPerMonth: [
        { month: '2021-11', metOnTime: 0, late: 1, missed: 0, onTimeRate: 0 },
        { month: '2021-12', metOnTime: 1, late: 0, missed: 0, onTimeRate: 1 },
      ],
      onTimeRateAcrossPartners: 0.5,
      // 15 days (2021-11-24 → 12-09) and 1 day (12-08 → 12-09): the median of two is their mean
      medianTimeToReportSeconds: 8 * DAY,
      openObligations: { pending: 0, missed: 0 },
      violationsPerMonth: [
        { month: '2021-11', violations: 0 },
        { month: '2021-12', violations: 0 },
      ],
      sanctionsPerMonth: [
        { month: '2021-11', sanctions: 0, warnings: 0, suspensions: 0, revocations: 0 },
        { month: '2021-12', sanctions: 0, warnings: 0, suspensions: 0, revocations: 0 },
      ],
    });
    const csv = await get(admin, '/api/v1/statistics.csv?from=2021-11-01T00:00:00Z&to=2022-01-01T00:00:00Z');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(
      [
        'month,reports,critical,high,met_on_time,late,missed,on_time_rate,violations,sanctions',
        '2021-11,0,0,0,0,1,0,0,0,0',
        '2021-12,2,1,0,1,0,0,1,0,0',
        'total,2,1,0,1,1,0,0.5,0,0',
        '',
      ].join('\r\n'),
    );
  });

  it('refuses partners with 403, audited', async () => {
    const res = await get(partner, '/api/v1/statistics');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'statistics.forbidden' });
    const audit = await get(admin, '/api/v1/audit?action=access.denied&limit=1');
    expect(audit.json().items[0]).toMatchObject({ summary: { attempted: 'statistics.read' } });
    expect((await get(partner, '/api/v1/statistics.csv')).statusCode).toBe(403);
  });
});
