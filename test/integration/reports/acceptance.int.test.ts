import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceipt } from '../../../src/modules/reports/index.ts';
import { type Actor, as, createOrg, createUser, signIn, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { assignRegimes, log4shellReport, submitReport } from '../../helpers/reports.ts';

/**
 * The acceptance scenario: a partner became aware of a critical RCE in a widely used logging
 * library on 2021-11-24 and reported it to the platform on 2021-12-09.
 */
let ctx: TestContext;
let admin: Actor;
let partner: Actor;
const kevFile = path.resolve(import.meta.dirname, '../../fixtures/kev/known_exploited_vulnerabilities.json');
const DAY = 86_400;

/** Moves the clock; sessions last hours, so everyone signs in again. */
async function travelTo(time: string) {
  ctx.clock.set(time);
  admin = await signIn(ctx.app, admin.email, admin.password);
  partner = await signIn(ctx.app, partner.email, partner.password);
}

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-01T09:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  const org = await createOrg(ctx.app, admin, 'partner', { country: 'CN', sector: 'Cloud services' });
  partner = await createUser(ctx.app, admin, org.id, 'reporter');
  await assignRegimes(ctx.app, admin, org.id, ['cn-2021', 'eu-cra-art14']);
  const kev = await as(
    ctx.app,
    admin,
  )({
    method: 'POST',
    url: '/api/v1/catalog/kev',
    payload: JSON.parse(readFileSync(kevFile, 'utf8')),
  });
  expect(kev.statusCode).toBeLessThan(300);
});
afterAll(() => ctx.close());

describe('acceptance: a late report of a critical logging-library RCE', () => {
  let reportId: string;
  let receipt: string;

  it('is received on 2021-12-09 with a signed receipt', async () => {
    await travelTo('2021-12-09T10:00:00.000Z');
    const { report, submission } = await submitReport(ctx.app, partner, log4shellReport());
    reportId = report.id;
    receipt = submission.receipt;
    expect(report).toMatchObject({ status: 'received', ref: expect.stringMatching(/^TS-2021-\d{6}$/) });
    expect(submission.receivedAt).toBe('2021-12-09T10:00:00.000Z');
    // linked to its KEV entry, which is the evidence of active exploitation
    const shown = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${reportId}` });
    expect(shown.json().catalog).toEqual({ cve: false, kevDateAdded: '2021-12-10' });
  });

  it('shows the CN 2-day obligation late by 13 days, and the CRA obligations (actively exploited per KEV)', async () => {
    const res = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${reportId}/obligations` });
    expect(res.statusCode).toBe(200);
    const byKey = Object.fromEntries(
      (res.json().items as { regimeId: string; obligationKey: string }[]).map((o) => [
        `${o.regimeId}/${o.obligationKey}`,
        o,
      ]),
    );
    const cn = Object.values(byKey).find((o) => (o as { regimeId: string }).regimeId === 'cn-2021');
    expect(cn).toMatchObject({
      status: 'late',
      dueAt: '2021-11-26T10:00:00.000Z',
      metAt: '2021-12-09T10:00:00.000Z',
      latenessSeconds: 13 * DAY,
    });
    const cra = Object.values(byKey).filter(
      (o) => (o as { regimeId: string }).regimeId === 'eu-cra-art14',
    ) as unknown as {
      stage: string;
      status: string;
      dueAt: string | null;
      latenessSeconds: number | null;
    }[];
    const stage = (s: string) => cra.find((o) => o.stage === s);
    expect(stage('early_warning')).toMatchObject({
      status: 'late',
      dueAt: '2021-11-25T10:00:00.000Z',
      latenessSeconds: 14 * DAY,
    });
    expect(stage('notification')).toMatchObject({
      status: 'late',
      dueAt: '2021-11-27T10:00:00.000Z',
      latenessSeconds: 12 * DAY,
    });
    expect(stage('final_report')).toMatchObject({ status: 'pending', dueAt: null });
  });

  it('appears in the queue as overdue (its CRA final report is still pending, the rest late), not as due soon', async () => {
    // No obligation is missed or pending past due: nothing is overdue yet, and nothing is due within 48 h.
    expect((await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/reports?deadline=overdue' })).json().total).toBe(0);
    expect((await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/reports?deadline=due_soon' })).json().total).toBe(
      0,
    );
  });

  it('proves when it was submitted: the receipt verifies offline against the published key and the content', async () => {
    const jwks = (await ctx.app.inject({ method: 'GET', url: '/.well-known/threatshare-keys.json' })).json();
    const subs = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${reportId}/submissions` });
    const [first] = subs.json().items as { id: string; receipt: string }[];
    expect(first!.receipt).toBe(receipt);
    const content = await as(
      ctx.app,
      partner,
    )({
      method: 'GET',
      url: `/api/v1/reports/${reportId}/submissions/${first!.id}/content`,
    });
    const check = await verifyReceipt(receipt, jwks, content.json());
    expect(check).toMatchObject({
      valid: true,
      contentMatches: true,
      payload: { reportId, stage: 'initial', receivedAt: '2021-12-09T10:00:00.000Z' },
    });
    const altered = { ...content.json(), title: 'something else' };
    expect(await verifyReceipt(receipt, jwks, altered)).toMatchObject({ valid: false, contentMatches: false });
  });

  it('records the final report when the fix is available: met, and the audit chain verifies', async () => {
    await travelTo('2021-12-15T10:00:00.000Z');
    const timeline = await as(
      ctx.app,
      partner,
    )({
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}/timeline`,
      payload: { field: 'fixAvailableAt', value: '2021-12-10T00:00:00.000Z', reason: 'Log4j 2.15.0 released' },
    });
    expect(timeline.statusCode).toBe(200);
    const final = await as(
      ctx.app,
      partner,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/submissions`,
      payload: {
        stage: 'final_report',
        report: log4shellReport({
          timeline: { awareAt: '2021-11-24T10:00:00.000Z', fixAvailableAt: '2021-12-10T00:00:00.000Z' },
        }),
      },
    });
    expect(final.statusCode).toBe(201);
    const res = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${reportId}/obligations` });
    const finalObligation = (res.json().items as { stage: string }[]).find((o) => o.stage === 'final_report');
    expect(finalObligation).toMatchObject({ status: 'met', dueAt: '2021-12-24T00:00:00.000Z', latenessSeconds: 0 });
    expect((await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/reports?deadline=overdue' })).json().total).toBe(0);
    const verify = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(verify.json().ok).toBe(true);
    const audit = await as(ctx.app, admin)({ method: 'GET', url: `/api/v1/audit?subjectId=${reportId}&order=asc` });
    expect((audit.json().items as { action: string }[]).map((e) => e.action)).toEqual([
      'report.submitted',
      'report.timeline_changed',
      'report.submitted',
    ]);
  });
});
