import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from '../../../src/db/schema/index.ts';
import { newId } from '../../../src/shared/ids.ts';
import { type Actor, as, createOrg, createUser, signIn, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { runJob } from '../../helpers/jobs.ts';

/**
 * Decisions under four-eyes, and a partner's standing changed by hand while a sanction runs: a refusal undoes the
 * refused term, a late approval restarts a period, a revocation settles a scheduled sanction, a review decides what
 * was already done by hand, and a violation is sanctioned once.
 */
let ctx: TestContext;
let proposer: Actor;
let decider: Actor;
let approver: Actor;
let reviewer: Actor;
const DAY = 86_400_000;
type Json = Record<string, unknown>;

const call = (actor: Actor, method: 'GET' | 'POST', url: string, payload?: Json) =>
  as(ctx.app, actor)({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
const ok = async (actor: Actor, method: 'GET' | 'POST', url: string, payload?: Json) => {
  const res = await call(actor, method, url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as Json;
};
async function travel(ms: number) {
  ctx.clock.advance(ms);
  for (const actor of [proposer, decider, approver, reviewer])
    Object.assign(actor, await signIn(ctx.app, actor.email, actor.password));
}
const propose = (orgId: string, body: Json) =>
  ok(proposer, 'POST', '/sanctions', { orgId, reason: 'Reported late', ...body });

beforeAll(async () => {
  ctx = await createTestContext({ env: { SANCTIONS_FOUR_EYES: 'true' }, start: '2026-03-02T09:00:00.000Z' });
  proposer = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  decider = await createUser(ctx.app, proposer, proposer.orgId, 'admin');
  approver = await createUser(ctx.app, proposer, proposer.orgId, 'admin');
  reviewer = await createUser(ctx.app, proposer, proposer.orgId, 'admin');
});
afterAll(() => ctx.close());

describe('four-eyes decisions', () => {
  it('a refused change is undone: the proposal is back as it was proposed', async () => {
    const orgId = (await createOrg(ctx.app, proposer, 'partner')).id;
    const s = await propose(orgId, { measure: 'warning' });
    const changed = await ok(decider, 'POST', `/sanctions/${s.id}/decision`, {
      decision: 'change',
      measure: 'revocation',
      reason: 'Repeated',
    });
    expect(changed).toMatchObject({ status: 'awaiting_approval', measure: 'revocation' });
    const refused = await ok(approver, 'POST', `/sanctions/${s.id}/approval`, { approve: false, reason: 'Too harsh' });
    expect(refused).toMatchObject({
      status: 'proposed',
      measure: 'warning',
      period: null,
      decision: null,
      endsAt: null,
    });
    // Confirming now confirms the warning that was proposed, not the refused revocation.
    await ok(decider, 'POST', `/sanctions/${s.id}/decision`, { decision: 'confirm' });
    const inForce = await ok(approver, 'POST', `/sanctions/${s.id}/approval`, { approve: true });
    expect(inForce).toMatchObject({ status: 'in_force', measure: 'warning' });
    expect((await ok(proposer, 'GET', `/organisations/${orgId}`)).partnerStatus).toBe('warned');
  });

  it('a period runs from the approval when the approval comes after the decided start', async () => {
    const orgId = (await createOrg(ctx.app, proposer, 'partner')).id;
    const s = await propose(orgId, { measure: 'suspension', period: 'P1M' });
    const decided = await ok(decider, 'POST', `/sanctions/${s.id}/decision`, { decision: 'confirm' });
    expect(decided.startsAt).toBe(ctx.clock.now().toISOString());
    await travel(7 * DAY);
    const approvedAt = ctx.clock.now();
    const approved = await ok(approver, 'POST', `/sanctions/${s.id}/approval`, { approve: true });
    const month = new Date(approvedAt);
    month.setUTCMonth(month.getUTCMonth() + 1);
    expect(approved).toMatchObject({
      status: 'in_force',
      startsAt: approvedAt.toISOString(),
      endsAt: month.toISOString(),
    });
    expect((await ok(proposer, 'GET', `/organisations/${orgId}`)).partnerStatusUntil).toBe(month.toISOString());
  });
});

describe("a partner's standing changed by hand while a sanction runs", () => {
  it('a scheduled sanction whose partner was revoked meanwhile is settled, not retried for ever', async () => {
    const orgId = (await createOrg(ctx.app, proposer, 'partner')).id;
    const s = await propose(orgId, { measure: 'suspension', period: 'P1M' });
    const startsAt = new Date(ctx.clock.now().getTime() + DAY).toISOString();
    await ok(decider, 'POST', `/sanctions/${s.id}/decision`, { decision: 'confirm', startsAt });
    expect(await ok(approver, 'POST', `/sanctions/${s.id}/approval`, { approve: true })).toMatchObject({
      status: 'scheduled',
    });
    await ok(proposer, 'POST', `/organisations/${orgId}/status`, { status: 'revoked', reason: 'Contract ended' });
    await travel(2 * DAY);
    await runJob(ctx, 'sanctions.sweep');
    expect(await ok(proposer, 'GET', `/sanctions/${s.id}`)).toMatchObject({ status: 'completed', outcome: 'revoked' });
    const audit = await ok(proposer, 'GET', `/audit?action=sanction.completed&orgId=${orgId}`);
    expect(audit.total).toBe(1);
  });

  it('a review decides what was done by hand while it was open, and the partner does not learn who decided', async () => {
    const orgId = (await createOrg(ctx.app, proposer, 'partner')).id;
    const partner = await createUser(ctx.app, proposer, orgId, 'admin');
    const s = await propose(orgId, { measure: 'suspension', period: 'P1M' });
    const endsAt = new Date(ctx.clock.now().getTime() + 3_600_000).toISOString();
    await ok(decider, 'POST', `/sanctions/${s.id}/decision`, { decision: 'change', reason: 'An hour', endsAt });
    await ok(approver, 'POST', `/sanctions/${s.id}/approval`, { approve: true });
    await travel(2 * 3_600_000);
    await runJob(ctx, 'sanctions.sweep');
    const [review] = (await ok(proposer, 'GET', `/reviews?orgId=${orgId}`)).items as Json[];
    expect(review).toMatchObject({ status: 'awaiting_rectification' });
    await ok(proposer, 'POST', `/organisations/${orgId}/status`, { status: 'active', reason: 'Reinstated by phone' });

    const decided = await ok(reviewer, 'POST', `/reviews/${review!.id}/decision`, {
      decision: 'reinstate',
      reason: 'As agreed on the phone',
    });
    expect(decided).toMatchObject({ status: 'decided', decision: 'reinstate', decidedByLabel: reviewer.email });
    expect(await ok(proposer, 'GET', `/organisations/${orgId}`)).toMatchObject({ partnerStatus: 'active' });
    expect(await ok(proposer, 'GET', `/sanctions/${s.id}`)).toMatchObject({ outcome: 'reinstated' });

    Object.assign(partner, await signIn(ctx.app, partner.email, partner.password));
    const seen = (await ok(partner, 'GET', '/reviews')).items as Json[];
    expect(seen).toEqual([expect.objectContaining({ decision: 'reinstate', decidedByLabel: 'the operator' })]);
    const sanction = await ok(partner, 'GET', `/sanctions/${s.id}`);
    expect(sanction.reviews).toEqual([expect.objectContaining({ decidedByLabel: 'the operator' })]);
    expect(JSON.stringify(sanction)).not.toContain(reviewer.email);
  });

  it('sanctions a violation once: a second proposal for it is refused (409) and writes nothing', async () => {
    const orgId = (await createOrg(ctx.app, proposer, 'partner')).id;
    const violationId = newId();
    await ctx.container.database.db.insert(violations).values({
      id: violationId,
      orgId,
      ruleId: 'late-serious-report',
      severity: 'major',
      dedupeKey: `test:${violationId}`,
      summary: 'late',
      status: 'open',
      openedAt: ctx.clock.now(),
    });
    await propose(orgId, { measure: 'warning', violationId });
    const again = await call(proposer, 'POST', '/sanctions', {
      orgId,
      violationId,
      measure: 'revocation',
      reason: 'And more',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'sanction.violation_decided', errors: [{ pointer: '/violationId' }] });
    expect((await ok(proposer, 'GET', `/sanctions?orgId=${orgId}`)).total).toBe(1);
  });
});
