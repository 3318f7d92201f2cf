import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
let admin: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
});
afterAll(() => ctx.close());

const api = () => as(ctx.app, admin);
const setStatus = (id: string, payload: Record<string, unknown>) =>
  api()({ method: 'POST', url: `/api/v1/organisations/${id}/status`, payload });

describe('organisations', () => {
  it('are created with kind, country, sector and contacts, and shown back', async () => {
    const res = await api()({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: {
        name: 'Example Cloud GmbH',
        shortName: 'ExCloud',
        kind: 'partner',
        country: 'DE',
        sector: 'Cloud services',
        contacts: [{ name: 'PSIRT', email: 'psirt@excloud.example', role: 'security contact' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ kind: 'partner', country: 'DE', partnerStatus: 'active', partnerStatusUntil: null });
    const shown = await api()({ method: 'GET', url: `/api/v1/organisations/${org.id}` });
    expect(shown.json()).toEqual(org);
  });

  it('only partners have a partner status', async () => {
    const member = await createOrg(ctx.app, admin, 'member');
    expect((await api()({ method: 'GET', url: `/api/v1/organisations/${member.id}` })).json().partnerStatus).toBeNull();
    const res = await setStatus(member.id, { status: 'warned', reason: 'n/a' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('org.not_partner');
  });

  it('lists with search, kind filter, sorting and paging', async () => {
    for (const name of ['Zulu Security', 'Alpha Security', 'Mike Security']) {
      await api()({ method: 'POST', url: '/api/v1/organisations', payload: { name, kind: 'researcher' } });
    }
    const asc = await api()({ method: 'GET', url: '/api/v1/organisations?kind=researcher&sort=name&limit=2' });
    expect(asc.json()).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(asc.json().items.map((o: { name: string }) => o.name)).toEqual(['Alpha Security', 'Mike Security']);
    const desc = await api()({
      method: 'GET',
      url: '/api/v1/organisations?kind=researcher&sort=name&order=desc&offset=2',
    });
    expect(desc.json().items.map((o: { name: string }) => o.name)).toEqual(['Alpha Security']);
    const q = await api()({ method: 'GET', url: '/api/v1/organisations?q=zul' });
    expect(q.json().items.map((o: { name: string }) => o.name)).toEqual(['Zulu Security']);
  });

  it('updates and audits only what changed', async () => {
    const org = await createOrg(ctx.app, admin, 'member', { sector: 'Energy' });
    const res = await api()({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      payload: { sector: 'Energy', country: 'FR' },
    });
    expect(res.json()).toMatchObject({ sector: 'Energy', country: 'FR' });
    const audit = await api()({ method: 'GET', url: `/api/v1/audit?subjectId=${org.id}&action=org.updated` });
    expect(audit.json().items[0].summary).toEqual({ before: { country: null }, after: { country: 'FR' } });
  });
});

describe('partner status lifecycle', () => {
  it('walks active → warned → suspended → under review → active, with full history', async () => {
    const partner = await createOrg(ctx.app, admin, 'partner');
    expect((await setStatus(partner.id, { status: 'warned', reason: 'Reported late once' })).statusCode).toBe(200);
    const until = '2026-07-15T09:00:00.000Z';
    const suspended = await setStatus(partner.id, {
      status: 'suspended',
      reason: 'Critical vulnerability reported 13 days late',
      legalBasis: 'Partner agreement §7.2',
      until,
    });
    expect(suspended.json()).toMatchObject({ partnerStatus: 'suspended', partnerStatusUntil: until });
    ctx.clock.advance(60_000);
    expect((await setStatus(partner.id, { status: 'under_review', reason: 'Suspension ended' })).statusCode).toBe(200);
    const reinstated = await setStatus(partner.id, { status: 'active', reason: 'Rectification accepted' });
    expect(reinstated.json()).toMatchObject({ partnerStatus: 'active', partnerStatusUntil: null });

    const history = await api()({ method: 'GET', url: `/api/v1/organisations/${partner.id}/status-history` });
    const items = history.json().items as Record<string, unknown>[];
    expect(items.map((i) => [i.fromStatus, i.toStatus])).toEqual([
      ['under_review', 'active'],
      ['suspended', 'under_review'],
      ['warned', 'suspended'],
      ['active', 'warned'],
      [null, 'active'],
    ]);
    expect(items[2]).toMatchObject({
      reason: 'Critical vulnerability reported 13 days late',
      legalBasis: 'Partner agreement §7.2',
      until,
      changedByLabel: admin.email,
    });
    const audit = await api()({
      method: 'GET',
      url: `/api/v1/audit?subjectId=${partner.id}&action=org.status_changed`,
    });
    expect(audit.json().total).toBe(4);
  });

  it('refuses illegal transitions with 409 and revocation is final', async () => {
    const partner = await createOrg(ctx.app, admin, 'partner');
    const review = await setStatus(partner.id, { status: 'under_review', reason: 'why not' });
    expect(review.statusCode).toBe(409);
    expect(review.json()).toMatchObject({ code: 'org.illegal_status_transition' });
    expect(review.json().detail).toContain('allowed: warned, suspended, revoked');
    expect((await setStatus(partner.id, { status: 'revoked', reason: 'Agreement terminated' })).statusCode).toBe(200);
    expect((await setStatus(partner.id, { status: 'active', reason: 'undo' })).statusCode).toBe(409);
  });

  it('needs a reason, and an end in the future for a suspension', async () => {
    const partner = await createOrg(ctx.app, admin, 'partner');
    const noReason = await setStatus(partner.id, { status: 'warned' });
    expect(noReason.json()).toMatchObject({ status: 400, errors: [{ pointer: '/reason' }] });
    const noEnd = await setStatus(partner.id, { status: 'suspended', reason: 'late' });
    expect(noEnd.json()).toMatchObject({ status: 400, code: 'org.until_required', errors: [{ pointer: '/until' }] });
    const past = await setStatus(partner.id, { status: 'suspended', reason: 'late', until: '2020-01-01T00:00:00Z' });
    expect(past.json()).toMatchObject({ status: 400, code: 'org.until_in_past' });
    const history = await api()({ method: 'GET', url: `/api/v1/organisations/${partner.id}/status-history` });
    expect(history.json().items).toHaveLength(1);
  });
});
