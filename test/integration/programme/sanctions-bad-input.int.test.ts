import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/client.ts';
import { type Actor, as, createOrg, createUser, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { runJob } from '../../helpers/jobs.ts';

/**
 * Sanctions and reviews refuse bad input and unauthorised actions with a problem+json answer naming the problem,
 * write nothing (the sanction, the review and the partner status stay as they were; no audit entry of the change),
 * and audit every refused privileged action as `access.denied`. Each test works on its own partner organisation.
 */
const START = '2026-03-02T09:00:00.000Z';
const MINUTE = 60_000;
const DAY = 86_400_000;

type Json = Record<string, unknown>;

/** The problem+json answer, with its status, code and (where given) the JSON pointer of the offending field. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string, pointer?: string): Json {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Json & { errors?: { pointer: string }[] };
  expect(body).toMatchObject({ status, code, title: expect.any(String), type: expect.any(String) });
  if (pointer) expect(body.errors?.map((e) => e.pointer)).toContain(pointer);
  return body;
}

function world(ctxOf: () => TestContext, adminOf: () => Actor) {
  const call = (actor: Actor, method: 'GET' | 'POST', url: string, payload?: Json) =>
    as(ctxOf().app, actor)({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const admin = () => adminOf();
  const auditTotal = async (action: string) =>
    (await call(admin(), 'GET', `/audit?action=${action}&limit=1`)).json().total as number;

  return {
    call,
    /** Everything a refused request must leave as it was, for one organisation. */
    async snapshot(orgId: string) {
      const [rows] = await queryRows<{
        sanctions: number;
        statuses: string | null;
        reviews: string | null;
        rectifications: number;
        attachments: number;
        partnerStatus: string | null;
      }>(
        ctxOf().container.database.db,
        sql`select
          (select count(*)::int from sanctions where org_id = ${orgId}) as sanctions,
          (select string_agg(id || ':' || status, ',' order by id) from sanctions where org_id = ${orgId}) as statuses,
          (select string_agg(id || ':' || status, ',' order by id) from sanction_reviews where org_id = ${orgId}) as reviews,
          (select count(*)::int from rectifications where org_id = ${orgId}) as rectifications,
          (select count(*)::int from rectification_attachments a join rectifications r on r.id = a.rectification_id
            where r.org_id = ${orgId}) as attachments,
          (select partner_status from organisations where id = ${orgId}) as "partnerStatus"`,
      );
      return {
        ...rows!,
        sanctionEntries: await auditTotal('sanction.'),
        reviewEntries: await auditTotal('review.'),
        statusEntries: await auditTotal('org.status_changed'),
      };
    },
    /** The newest `access.denied` entry: who tried what, refused with which code. */
    async lastDenial() {
      const res = await call(admin(), 'GET', '/audit?action=access.denied&limit=1');
      return res.json().items[0] as Json;
    },
    async propose(orgId: string, body: Json = {}): Promise<Json> {
      const res = await call(admin(), 'POST', '/sanctions', {
        orgId,
        measure: 'suspension',
        period: 'P1M',
        reason: 'Reported a critical vulnerability late',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
  };
}

describe('sanctions and reviews: bad input and refused actions', () => {
  let ctx: TestContext;
  let admin: Actor;
  let cloudAdmin: Actor;
  let cloudViewer: Actor;
  let otherAdmin: Actor;
  let cloud: { id: string };
  const w = world(
    () => ctx,
    () => admin,
  );

  const freshPartner = async () => (await createOrg(ctx.app, admin, 'partner')).id;

  /** A suspension that ended a minute ago, and the review the sweep opened for it. */
  async function openReview(orgId: string): Promise<{ sanctionId: string; reviewId: string }> {
    const proposed = await w.propose(orgId);
    const endsAt = new Date(ctx.clock.now().getTime() + MINUTE).toISOString();
    const decided = await w.call(admin, 'POST', `/sanctions/${proposed.id}/decision`, {
      decision: 'change',
      reason: 'A short suspension',
      endsAt,
    });
    expect(decided.json()).toMatchObject({ status: 'in_force' });
    ctx.clock.advance(2 * MINUTE);
    await runJob(ctx, 'sanctions.sweep');
    const reviews = (await w.call(admin, 'GET', `/reviews?orgId=${orgId}`)).json().items as Json[];
    expect(reviews).toEqual([expect.objectContaining({ sanctionId: proposed.id, status: 'awaiting_rectification' })]);
    return { sanctionId: proposed.id as string, reviewId: reviews[0]!.id as string };
  }

  beforeAll(async () => {
    ctx = await createTestContext({ start: START });
    admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
    cloud = await createOrg(ctx.app, admin, 'partner');
    cloudAdmin = await createUser(ctx.app, admin, cloud.id, 'admin');
    cloudViewer = await createUser(ctx.app, admin, cloud.id, 'viewer');
    otherAdmin = await createUser(ctx.app, admin, await freshPartner(), 'admin');
  });
  afterAll(() => ctx.close());

  it('refuses a proposal without a reason (400, /reason) and writes nothing', async () => {
    const before = await w.snapshot(cloud.id);
    const res = await w.call(admin, 'POST', '/sanctions', { orgId: cloud.id, measure: 'warning' });
    expectProblem(res, 400, 'request.invalid_body', '/reason');
    expect(await w.snapshot(cloud.id)).toEqual(before);
  });

  it('refuses a blank reason like a missing one', async () => {
    const before = await w.snapshot(cloud.id);
    const res = await w.call(admin, 'POST', '/sanctions', { orgId: cloud.id, measure: 'warning', reason: '   ' });
    const problem = expectProblem(res, 400, 'sanction.reason_required', '/reason');
    expect(problem.detail).toMatch(/needs a reason/);
    expect(await w.snapshot(cloud.id)).toEqual(before);
  });

  it.each([
    ['change', { measure: 'warning' }],
    ['dismiss', {}],
  ])('refuses a decision to %s without a reason', async (decision, extra) => {
    const orgId = await freshPartner();
    const proposed = await w.propose(orgId);
    const before = await w.snapshot(orgId);
    for (const reason of [undefined, '  ']) {
      const res = await w.call(admin, 'POST', `/sanctions/${proposed.id}/decision`, {
        decision,
        ...extra,
        ...(reason === undefined ? {} : { reason }),
      });
      expectProblem(res, 400, 'sanction.reason_required', '/reason');
    }
    expect(await w.snapshot(orgId)).toEqual(before);
    expect((await w.call(admin, 'GET', `/sanctions/${proposed.id}`)).json()).toMatchObject({
      status: 'proposed',
      decision: null,
    });
  });

  it('refuses a decision whose end is not after its start', async () => {
    const orgId = await freshPartner();
    const proposed = await w.propose(orgId);
    const before = await w.snapshot(orgId);
    const startsAt = new Date(ctx.clock.now().getTime() + DAY).toISOString();
    for (const endsAt of [startsAt, new Date(ctx.clock.now().getTime() + DAY / 2).toISOString()]) {
      const res = await w.call(admin, 'POST', `/sanctions/${proposed.id}/decision`, {
        decision: 'change',
        reason: 'Starts tomorrow',
        startsAt,
        endsAt,
      });
      const problem = expectProblem(res, 400, 'sanction.end_before_start', '/endsAt');
      expect(problem.errors).toEqual([{ pointer: '/endsAt', detail: `must be later than the start (${startsAt})` }]);
    }
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it('refuses to extend a review to an end in the past', async () => {
    const orgId = await freshPartner();
    const { reviewId } = await openReview(orgId);
    const before = await w.snapshot(orgId);
    const res = await w.call(admin, 'POST', `/reviews/${reviewId}/decision`, {
      decision: 'extend',
      reason: 'The rectification is incomplete',
      endsAt: new Date(ctx.clock.now().getTime() - DAY).toISOString(),
    });
    expectProblem(res, 400, 'review.end_before_start', '/endsAt');
    expect(await w.snapshot(orgId)).toEqual(before);
    expect(before).toMatchObject({ partnerStatus: 'under_review', reviews: `${reviewId}:awaiting_rectification` });
  });

  it('refuses a suspension without a period, proposed or decided', async () => {
    const orgId = await freshPartner();
    const warning = await w.propose(orgId, { measure: 'warning', period: undefined });
    const before = await w.snapshot(orgId);
    const proposed = await w.call(admin, 'POST', '/sanctions', {
      orgId,
      measure: 'suspension',
      reason: 'Reported late',
    });
    expectProblem(proposed, 400, 'sanction.term_required', '/period');
    const changed = await w.call(admin, 'POST', `/sanctions/${warning.id}/decision`, {
      decision: 'change',
      measure: 'suspension',
      reason: 'A warning is not enough',
    });
    expectProblem(changed, 400, 'sanction.term_required', '/period');
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it('refuses a warning with a period, proposed or decided', async () => {
    const orgId = await freshPartner();
    const suspension = await w.propose(orgId);
    const before = await w.snapshot(orgId);
    const proposed = await w.call(admin, 'POST', '/sanctions', {
      orgId,
      measure: 'warning',
      period: 'P6M',
      reason: 'Reported late',
    });
    expectProblem(proposed, 400, 'sanction.no_term', '/period');
    const changed = await w.call(admin, 'POST', `/sanctions/${suspension.id}/decision`, {
      decision: 'change',
      measure: 'warning',
      period: 'P1M',
      reason: 'A warning is enough',
    });
    expectProblem(changed, 400, 'sanction.no_term', '/period');
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it('refuses a second suspension of a partner already suspended (409): its review extends the first', async () => {
    const orgId = await freshPartner();
    const first = await w.propose(orgId);
    const confirmed = await w.call(admin, 'POST', `/sanctions/${first.id}/decision`, { decision: 'confirm' });
    expect(confirmed.json()).toMatchObject({ status: 'in_force' });
    const second = await w.propose(orgId, { period: 'P3M' });
    const before = await w.snapshot(orgId);
    const res = await w.call(admin, 'POST', `/sanctions/${second.id}/decision`, { decision: 'confirm' });
    const problem = expectProblem(res, 409, 'sanction.already_suspended');
    expect(problem.detail).toContain(`already under suspension ${first.id} (in_force)`);
    expect(await w.snapshot(orgId)).toEqual(before);
    // A warning on top is no second suspension.
    const warning = await w.call(admin, 'POST', `/sanctions/${second.id}/decision`, {
      decision: 'change',
      measure: 'warning',
      reason: 'Already suspended: a warning is enough',
    });
    expect(warning.json()).toMatchObject({ status: 'in_force', measure: 'warning' });
    expect((await w.snapshot(orgId)).partnerStatus).toBe('suspended');
  });

  it("refuses another partner's scorecard (403, audited)", async () => {
    const res = await w.call(otherAdmin, 'GET', `/organisations/${cloud.id}/scorecard`);
    expectProblem(res, 403, 'scorecard.forbidden');
    expect(await w.lastDenial()).toMatchObject({
      actor: { id: otherAdmin.userId },
      orgId: cloud.id,
      summary: { attempted: 'scorecard.read', code: 'scorecard.forbidden' },
    });
  });

  it("hides another partner's sanction and review (404), even once in force", async () => {
    const orgId = await freshPartner();
    const owner = await createUser(ctx.app, admin, orgId, 'admin');
    const { sanctionId, reviewId } = await openReview(orgId);
    // The owner sees both; another partner learns of neither.
    expect((await w.call(owner, 'GET', `/sanctions/${sanctionId}`)).statusCode).toBe(200);
    expect((await w.call(owner, 'GET', `/reviews/${reviewId}`)).statusCode).toBe(200);
    const before = await w.snapshot(orgId);
    expectProblem(await w.call(otherAdmin, 'GET', `/sanctions/${sanctionId}`), 404, 'sanction.not_found');
    expectProblem(await w.call(otherAdmin, 'GET', `/reviews/${reviewId}`), 404, 'review.not_found');
    const rectify = await w.call(otherAdmin, 'POST', `/reviews/${reviewId}/rectifications`, { summary: 'Not ours' });
    expectProblem(rectify, 404, 'review.not_found');
    const decide = await w.call(otherAdmin, 'POST', `/sanctions/${sanctionId}/decision`, {
      decision: 'dismiss',
      reason: 'x',
    });
    expectProblem(decide, 404, 'sanction.not_found');
    expect((await w.call(otherAdmin, 'GET', `/sanctions?orgId=${orgId}`)).json().total).toBe(0);
    expect((await w.call(otherAdmin, 'GET', `/reviews?orgId=${orgId}`)).json().total).toBe(0);
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it('refuses a partner deciding its own sanction or review (403, audited)', async () => {
    const orgId = await freshPartner();
    const owner = await createUser(ctx.app, admin, orgId, 'admin');
    const { sanctionId, reviewId } = await openReview(orgId);
    const before = await w.snapshot(orgId);
    const decide = await w.call(owner, 'POST', `/sanctions/${sanctionId}/decision`, {
      decision: 'dismiss',
      reason: 'We disagree',
    });
    expectProblem(decide, 403, 'sanction.forbidden');
    expect(await w.lastDenial()).toMatchObject({
      actor: { id: owner.userId },
      orgId,
      subjectType: 'sanction',
      subjectId: sanctionId,
      summary: { attempted: 'sanction.decide', code: 'sanction.forbidden' },
    });
    const review = await w.call(owner, 'POST', `/reviews/${reviewId}/decision`, {
      decision: 'reinstate',
      reason: 'We fixed it',
    });
    expectProblem(review, 403, 'review.forbidden');
    expect(await w.lastDenial()).toMatchObject({
      actor: { id: owner.userId },
      subjectType: 'review',
      subjectId: reviewId,
      summary: { attempted: 'review.decide', code: 'review.forbidden' },
    });
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it("refuses a viewer's rectification (403, audited)", async () => {
    const { reviewId } = await openReview(cloud.id);
    const before = await w.snapshot(cloud.id);
    const res = await w.call(cloudViewer, 'POST', `/reviews/${reviewId}/rectifications`, {
      summary: 'We changed our process',
    });
    expectProblem(res, 403, 'review.rectify_forbidden');
    expect(await w.lastDenial()).toMatchObject({
      actor: { id: cloudViewer.userId },
      subjectId: reviewId,
      summary: { attempted: 'review.rectify', code: 'review.rectify_forbidden' },
    });
    expect(await w.snapshot(cloud.id)).toEqual(before);
  });

  it('refuses a rectification with an executable attachment (400) and stores nothing', async () => {
    const reviewId = (await w.call(admin, 'GET', `/reviews?orgId=${cloud.id}`)).json().items[0].id as string;
    const before = await w.snapshot(cloud.id);
    const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode', 'latin1');
    const res = await w.call(cloudAdmin, 'POST', `/reviews/${reviewId}/rectifications`, {
      summary: 'Our new tooling, attached',
      attachments: [
        { filename: 'plan.txt', mediaType: 'text/plain', contentBase64: Buffer.from('plan').toString('base64') },
        { filename: 'tool.txt', mediaType: 'text/plain', contentBase64: exe.toString('base64') },
      ],
    });
    const problem = expectProblem(res, 400, 'attachment.rejected', '/attachments/1/contentBase64');
    expect(problem.detail).toMatch(/^tool\.txt: executables are not accepted/);
    expect(await w.snapshot(cloud.id)).toEqual(before);
  });

  it('refuses to decide a sanction that is already decided (409)', async () => {
    const orgId = await freshPartner();
    const proposed = await w.propose(orgId);
    const dismissed = await w.call(admin, 'POST', `/sanctions/${proposed.id}/decision`, {
      decision: 'dismiss',
      reason: 'Not warranted',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const before = await w.snapshot(orgId);
    const again = await w.call(admin, 'POST', `/sanctions/${proposed.id}/decision`, { decision: 'confirm' });
    const problem = expectProblem(again, 409, 'sanction.not_proposed');
    expect(problem.detail).toMatch(/dismissed/);
    expect(await w.snapshot(orgId)).toEqual(before);
    expect((await w.call(admin, 'GET', `/sanctions/${proposed.id}`)).json()).toMatchObject({
      status: 'dismissed',
      decisionReason: 'Not warranted',
    });
  });

  it('refuses to decide a review that is already decided (409)', async () => {
    const orgId = await freshPartner();
    const { reviewId } = await openReview(orgId);
    const reinstated = await w.call(admin, 'POST', `/reviews/${reviewId}/decision`, {
      decision: 'reinstate',
      reason: 'Rectified',
    });
    expect(reinstated.statusCode, reinstated.body).toBe(200);
    const before = await w.snapshot(orgId);
    const again = await w.call(admin, 'POST', `/reviews/${reviewId}/decision`, {
      decision: 'revoke',
      reason: 'Changed our mind',
    });
    expectProblem(again, 409, 'review.decided');
    expect(await w.snapshot(orgId)).toEqual(before);
    expect(before.partnerStatus).toBe('active');
  });
});

describe('four-eyes (SANCTIONS_FOUR_EYES=true)', () => {
  let ctx: TestContext;
  let proposer: Actor;
  let decider: Actor;
  let approver: Actor;
  let orgId: string;
  let sanctionId: string;
  const w = world(
    () => ctx,
    () => proposer,
  );

  async function expectFourEyesDenial(actor: Actor, res: LightMyRequestResponse, code: string, attempted: string) {
    expectProblem(res, 403, code);
    expect(await w.lastDenial()).toMatchObject({
      actor: { id: actor.userId },
      orgId,
      summary: { attempted, code },
    });
  }

  beforeAll(async () => {
    ctx = await createTestContext({ start: START, env: { SANCTIONS_FOUR_EYES: 'true' } });
    proposer = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
    const operators = (await w.call(proposer, 'GET', '/organisations?kind=operator')).json().items as Json[];
    expect(operators).toHaveLength(1);
    decider = await createUser(ctx.app, proposer, operators[0]!.id as string, 'admin');
    approver = await createUser(ctx.app, proposer, operators[0]!.id as string, 'admin');
    orgId = (await createOrg(ctx.app, proposer, 'partner')).id;
  });
  afterAll(() => ctx.close());

  it('the manager who proposed a sanction may not decide it (403 sanction.four_eyes, audited)', async () => {
    sanctionId = (await w.propose(orgId)).id as string;
    const before = await w.snapshot(orgId);
    const res = await w.call(proposer, 'POST', `/sanctions/${sanctionId}/decision`, { decision: 'confirm' });
    await expectFourEyesDenial(proposer, res, 'sanction.four_eyes', 'sanction.decide');
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it('the manager who decided may not approve it, nor may the proposer', async () => {
    const endsAt = new Date(ctx.clock.now().getTime() + MINUTE).toISOString();
    const decided = await w.call(decider, 'POST', `/sanctions/${sanctionId}/decision`, {
      decision: 'change',
      reason: 'A short suspension',
      endsAt,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'awaiting_approval', decidedByLabel: decider.email });
    const before = await w.snapshot(orgId);
    expect(before.partnerStatus).toBe('active');
    for (const actor of [decider, proposer]) {
      const res = await w.call(actor, 'POST', `/sanctions/${sanctionId}/approval`, { approve: true });
      await expectFourEyesDenial(actor, res, 'sanction.four_eyes', 'sanction.approve');
    }
    expect(await w.snapshot(orgId)).toEqual(before);
  });

  it('a second manager approves, and the sanction comes into force', async () => {
    const res = await w.call(approver, 'POST', `/sanctions/${sanctionId}/approval`, { approve: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_force', approvedByLabel: approver.email });
    expect((await w.snapshot(orgId)).partnerStatus).toBe('suspended');
  });

  it('neither the proposer nor the decider decides its review (403 review.four_eyes); a third manager does', async () => {
    ctx.clock.advance(2 * MINUTE);
    await runJob(ctx, 'sanctions.sweep');
    const [review] = (await w.call(proposer, 'GET', `/reviews?orgId=${orgId}`)).json().items as Json[];
    expect(review).toMatchObject({ sanctionId, status: 'awaiting_rectification' });
    const before = await w.snapshot(orgId);
    for (const actor of [proposer, decider]) {
      const res = await w.call(actor, 'POST', `/reviews/${review!.id}/decision`, {
        decision: 'reinstate',
        reason: 'Rectified',
      });
      await expectFourEyesDenial(actor, res, 'review.four_eyes', 'review.decide');
    }
    expect(await w.snapshot(orgId)).toEqual(before);
    const res = await w.call(approver, 'POST', `/reviews/${review!.id}/decision`, {
      decision: 'reinstate',
      reason: 'Rectified',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await w.snapshot(orgId)).partnerStatus).toBe('active');
  });
});
