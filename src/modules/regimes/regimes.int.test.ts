import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signInReady } from '../../../test/helpers/actors.ts';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';

let ctx: TestContext;
let admin: Actor;
let partner: { id: string };
let partnerAdmin: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  partner = await createOrg(ctx.app, admin, 'partner');
  partnerAdmin = await createUser(ctx.app, admin, partner.id, 'admin');
});
afterAll(() => ctx.close());

const assignments = (id: string) => `/api/v1/organisations/${id}/regimes`;

describe('regimes', () => {
  it('lists the built-in regimes with their obligations', async () => {
    const res = await as(ctx.app, partnerAdmin)({ method: 'GET', url: '/api/v1/regimes' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; builtIn: boolean }[];
    expect(items.map((r) => [r.id, r.builtIn])).toEqual([
      ['cn-2021', true],
      ['eu-cra-art14', true],
      ['cve-cna', true],
    ]);
    const cra = await as(ctx.app, partnerAdmin)({ method: 'GET', url: '/api/v1/regimes/eu-cra-art14' });
    expect(cra.json()).toMatchObject({
      appliesTo: { exploitation: ['active'] },
      obligations: [
        { key: 'early-warning', period: 'PT24H', trigger: 'awareAt' },
        { key: 'notification', period: 'PT72H' },
        { key: 'final-report', period: 'P14D', trigger: 'fixAvailableAt', satisfiedBy: ['final_report'] },
      ],
    });
  });

  it('answers 404 for an unknown regime and 400 for a malformed id, as problem+json', async () => {
    const missing = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/regimes/no-such-regime' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'regime.not_found', status: 404 });
    const bad = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/regimes/Not%20A%20Slug' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('needs authentication', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/regimes' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/obligations' })).statusCode).toBe(401);
  });
});

describe('regime assignments', () => {
  it('operator admins assign and unassign, audited', async () => {
    const api = as(ctx.app, admin);
    const res = await api({ method: 'POST', url: assignments(partner.id), payload: { regimeId: 'cn-2021' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ orgId: partner.id, regimeId: 'cn-2021', assignedBy: admin.email });
    await api({ method: 'POST', url: assignments(partner.id), payload: { regimeId: 'eu-cra-art14' } });
    const again = await api({ method: 'POST', url: assignments(partner.id), payload: { regimeId: 'cn-2021' } });
    expect(again.json()).toMatchObject({ status: 409, code: 'regime.already_assigned' });

    const listed = await as(ctx.app, partnerAdmin)({ method: 'GET', url: assignments(partner.id) });
    expect(listed.json().items.map((a: { regimeId: string }) => a.regimeId)).toEqual(['cn-2021', 'eu-cra-art14']);
    expect(await ctx.container.modules.regimes.service.regimesFor(partner.id)).toHaveLength(2);

    const removed = await api({ method: 'DELETE', url: `${assignments(partner.id)}/eu-cra-art14` });
    expect(removed.statusCode).toBe(204);
    const gone = await api({ method: 'DELETE', url: `${assignments(partner.id)}/eu-cra-art14` });
    expect(gone.json()).toMatchObject({ status: 404, code: 'regime.not_assigned' });

    const audit = await api({ method: 'GET', url: `/api/v1/audit?subjectId=${partner.id}&action=regime.assigned` });
    expect(
      audit
        .json()
        .items.map((e: { summary: { regimeId: string } }) => e.summary.regimeId)
        .sort(),
    ).toEqual(['cn-2021', 'eu-cra-art14']);
    const un = await api({ method: 'GET', url: `/api/v1/audit?subjectId=${partner.id}&action=regime.unassigned` });
    expect(un.json().total).toBe(1);
  });

  it("refuses a partner's own admin with 403 and records the denial", async () => {
    const res = await as(
      ctx.app,
      partnerAdmin,
    )({
      method: 'POST',
      url: assignments(partner.id),
      payload: { regimeId: 'cve-cna' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'regime.assign_forbidden' });
    const audit = await as(
      ctx.app,
      admin,
    )({
      method: 'GET',
      url: `/api/v1/audit?subjectId=${partner.id}&action=access.denied`,
    });
    expect(audit.json().items[0].summary).toMatchObject({ attempted: 'regime.assign', regimeId: 'cve-cna' });
  });

  it('hides other organisations (404) and validates the body (400 with pointers)', async () => {
    const other = await createOrg(ctx.app, admin, 'partner');
    const hidden = await as(ctx.app, partnerAdmin)({ method: 'GET', url: assignments(other.id) });
    expect(hidden.statusCode).toBe(404);
    const bad = await as(
      ctx.app,
      admin,
    )({
      method: 'POST',
      url: assignments(other.id),
      payload: { regimeId: 'cn-2021', extra: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ pointer: '/extra' }] });
    const unknown = await as(
      ctx.app,
      admin,
    )({
      method: 'POST',
      url: assignments(other.id),
      payload: { regimeId: 'not-configured' },
    });
    expect(unknown.json()).toMatchObject({ status: 404, code: 'regime.not_found' });
  });
});
