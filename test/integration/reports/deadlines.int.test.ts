import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signIn, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { assignRegimes, log4shellReport, submitReport } from '../../helpers/reports.ts';

/** The triage queue's deadline filters, decided in SQL from the report's obligations. */
let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let outsider: Actor;
let reportId: string;

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-09T10:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  const org = await createOrg(ctx.app, admin, 'partner');
  await assignRegimes(ctx.app, admin, org.id, ['eu-cra-art14']);
  partner = await createUser(ctx.app, admin, org.id, 'reporter');
  outsider = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'partner')).id, 'reporter');
  // Actively exploited, fix out since 2021-11-26: the CRA final report is due 2021-12-10, within 48 h.
  const body = log4shellReport({
    exploitation: 'active',
    timeline: { awareAt: '2021-12-09T09:00:00.000Z', fixAvailableAt: '2021-11-26T00:00:00.000Z' },
  });
  reportId = (await submitReport(ctx.app, partner, body)).report.id;
});
afterAll(() => ctx.close());

const ids = async (actor: Actor, deadline: string) =>
  (
    (await as(ctx.app, actor)({ method: 'GET', url: `/api/v1/reports?deadline=${deadline}` })).json().items as {
      id: string;
    }[]
  ).map((r) => r.id);

describe('deadline filters', () => {
  it('due soon: an obligation due within 48 hours', async () => {
    expect(await ids(admin, 'due_soon')).toEqual([reportId]);
    expect(await ids(admin, 'overdue')).toEqual([]);
    expect(await ids(outsider, 'due_soon')).toEqual([]);
  });

  it('overdue: once the due time has passed, even before the sweep marks it missed', async () => {
    ctx.clock.set('2021-12-11T10:00:00.000Z');
    admin = await signIn(ctx.app, admin.email, admin.password);
    expect(await ids(admin, 'overdue')).toEqual([reportId]);
    expect(await ids(admin, 'due_soon')).toEqual([]);
  });

  it('refuses an unknown filter value', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/reports?deadline=tomorrow' });
    expect(res.json()).toMatchObject({ status: 400, errors: [{ pointer: '/deadline' }] });
  });
});
