import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../../src/jobs/index.ts';
import { type Actor, as, createOrg, createUser, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { log4shellReport, submitReport } from '../../helpers/reports.ts';

let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestContext({ start: '2021-12-09T10:00:00.000Z' });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  orgId = (await createOrg(ctx.app, admin, 'partner')).id;
  partner = await createUser(ctx.app, admin, orgId, 'reporter');
});
afterAll(() => ctx.close());

/** Runs the queued jobs the way a worker process would. */
async function runJobs() {
  const { reports, regimes } = ctx.container.modules;
  const handlers = { ...reports.jobs.handlers, ...regimes.jobs.handlers };
  await createWorker({ queue: ctx.container.jobs, handlers, clock: ctx.clock }).runOnce();
}

describe('when an organisation’s regimes change', () => {
  it('its existing reports get their obligations recomputed by a job', async () => {
    const { report } = await submitReport(ctx.app, partner, log4shellReport());
    const obligations = () => as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${report.id}/obligations` });
    expect((await obligations()).json().items).toEqual([]);

    const assigned = await as(
      ctx.app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/organisations/${orgId}/regimes`,
      payload: { regimeId: 'cn-2021' },
    });
    expect(assigned.statusCode).toBe(201);
    await runJobs();
    expect((await obligations()).json().items).toEqual([
      expect.objectContaining({ regimeId: 'cn-2021', status: 'late', latenessSeconds: 13 * 86_400 }),
    ]);

    const removed = await as(
      ctx.app,
      admin,
    )({ method: 'DELETE', url: `/api/v1/organisations/${orgId}/regimes/cn-2021` });
    expect(removed.statusCode).toBeLessThan(300);
    await runJobs();
    expect((await obligations()).json().items).toEqual([]);
  });
});
