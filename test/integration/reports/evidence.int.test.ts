import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { assignRegimes, log4shellReport, submitReport } from '../../helpers/reports.ts';

/**
 * Evidence of awareness: the partner says it learnt of the flaw on 2021-11-24, but it reported it upstream
 * on 2021-11-20. The CN clock then runs from 2021-11-20, and shows which evidence set it.
 */
let ctx: TestContext;
let admin: Actor;
let analyst: Actor;
let partner: Actor;
let reportId: string;
const DAY = 86_400;

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-09T10:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  analyst = await createUser(ctx.app, admin, admin.orgId, 'analyst');
  const org = await createOrg(ctx.app, admin, 'partner');
  await assignRegimes(ctx.app, admin, org.id, ['cn-2021']);
  partner = await createUser(ctx.app, admin, org.id, 'reporter');
  reportId = (await submitReport(ctx.app, partner, log4shellReport())).report.id;
});
afterAll(() => ctx.close());

const cnObligation = async (actor: Actor) =>
  (
    (await as(ctx.app, actor)({ method: 'GET', url: `/api/v1/reports/${reportId}/obligations` })).json().items as {
      regimeId: string;
      triggerAt: string;
      triggerSource: string;
      latenessSeconds: number;
    }[]
  ).find((o) => o.regimeId === 'cn-2021')!;

describe('evidence of awareness', () => {
  let evidenceId: string;

  it('starts from the partner’s own timestamp', async () => {
    expect(await cnObligation(partner)).toMatchObject({
      triggerAt: '2021-11-24T10:00:00.000Z',
      triggerSource: 'awareAt',
      latenessSeconds: 13 * DAY,
    });
  });

  it('moves the clock to the earliest credible evidence, says which, and is audited', async () => {
    const res = await as(
      ctx.app,
      analyst,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/evidence`,
      payload: {
        source: 'upstream_report',
        awareAt: '2021-11-20T10:00:00.000Z',
        description: 'The partner filed the upstream issue on 2021-11-20',
        referenceUrl: 'https://issues.example.org/LOG4J2-3198',
      },
    });
    expect(res.statusCode).toBe(201);
    evidenceId = res.json().id;
    expect(await cnObligation(partner)).toMatchObject({
      triggerAt: '2021-11-20T10:00:00.000Z',
      triggerSource: `evidence:upstream_report:${evidenceId}`,
      latenessSeconds: 17 * DAY,
    });
    const audit = await as(
      ctx.app,
      admin,
    )({ method: 'GET', url: `/api/v1/audit?subjectId=${reportId}&action=report.evidence_recorded` });
    expect(audit.json().items[0].summary).toMatchObject({ evidenceId, source: 'upstream_report' });
    const later = await as(
      ctx.app,
      analyst,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/evidence`,
      payload: {
        source: 'public_disclosure',
        awareAt: '2021-12-01T00:00:00.000Z',
        description: 'Later than the report says',
      },
    });
    expect(later.statusCode).toBe(201);
    expect((await cnObligation(partner)).triggerSource).toBe(`evidence:upstream_report:${evidenceId}`);
  });

  it('is shown to the reporter, but only operator analysts record or withdraw it', async () => {
    const list = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${reportId}/evidence` });
    expect(list.json().items).toHaveLength(2);
    const denied = await as(
      ctx.app,
      partner,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/evidence`,
      payload: { source: 'statement', awareAt: '2021-11-30T00:00:00.000Z', description: 'We only knew on the 30th' },
    });
    expect(denied.statusCode).toBe(403);
    const future = await as(
      ctx.app,
      analyst,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/evidence`,
      payload: { source: 'other', awareAt: '2030-01-01T00:00:00.000Z', description: 'x' },
    });
    expect(future.json()).toMatchObject({ status: 400, errors: [{ pointer: '/awareAt' }] });
  });

  it('withdrawn with a reason, the clock goes back', async () => {
    const res = await as(
      ctx.app,
      analyst,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/evidence/${evidenceId}/withdraw`,
      payload: { reason: 'The upstream issue was filed by someone else' },
    });
    expect(res.json()).toMatchObject({ withdrawnReason: 'The upstream issue was filed by someone else' });
    expect(await cnObligation(partner)).toMatchObject({ triggerSource: 'awareAt', latenessSeconds: 13 * DAY });
    const again = await as(
      ctx.app,
      analyst,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/evidence/${evidenceId}/withdraw`,
      payload: { reason: 'twice' },
    });
    expect(again.statusCode).toBe(409);
    const verify = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(verify.json().ok).toBe(true);
  });
});
