import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/**
 * Every route, every kind of caller: 401 without credentials, 403 where the caller may see but not act,
 * 404 where the caller must not even learn that the thing exists.
 */
let ctx: TestContext;
let actors: Record<'opAdmin' | 'opAnalyst' | 'p1Admin' | 'p1Viewer' | 'p2Admin', Actor>;
let p1: { id: string };
let p1Viewer: Actor;
let p1Reporter: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  const opAdmin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  p1 = await createOrg(ctx.app, opAdmin, 'partner');
  const p2 = await createOrg(ctx.app, opAdmin, 'partner');
  p1Viewer = await createUser(ctx.app, opAdmin, p1.id, 'viewer');
  p1Reporter = await createUser(ctx.app, opAdmin, p1.id, 'reporter');
  actors = {
    opAdmin,
    opAnalyst: await createUser(ctx.app, opAdmin, opAdmin.orgId, 'analyst'),
    p1Admin: await createUser(ctx.app, opAdmin, p1.id, 'admin'),
    p1Viewer,
    p2Admin: await createUser(ctx.app, opAdmin, p2.id, 'admin'),
  };
});
afterAll(() => ctx.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Case {
  name: string;
  method: Method;
  /** Builds the request afresh for each caller, so state changes by one caller don't affect the next. */
  request: () => Promise<{ url: string; payload?: Record<string, unknown> }>;
  expect: [opAdmin: number, opAnalyst: number, p1Admin: number, p1Viewer: number, p2Admin: number];
}

const freshPartner = async () => createOrg(ctx.app, actors.opAdmin, 'partner');
const freshP1User = async () => createUser(ctx.app, actors.opAdmin, p1.id, 'viewer');
const freshP1Token = async () => {
  const res = await as(
    ctx.app,
    p1Reporter,
  )({
    method: 'POST',
    url: '/api/v1/tokens',
    payload: { name: 'ci', scopes: ['read'], expiresInDays: 30 },
  });
  return (res.json() as { token: { id: string } }).token.id;
};
let n = 0;
const newUserBody = () => ({ orgId: p1.id, email: `new-${++n}@example.test`, name: 'New', role: 'viewer' });

const cases: Case[] = [
  {
    name: 'list organisations',
    method: 'GET',
    request: async () => ({ url: '/api/v1/organisations' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: 'create organisation',
    method: 'POST',
    request: async () => ({ url: '/api/v1/organisations', payload: { name: `Org ${++n}`, kind: 'member' } }),
    expect: [201, 403, 403, 403, 403],
  },
  {
    name: 'show organisation',
    method: 'GET',
    request: async () => ({ url: `/api/v1/organisations/${p1.id}` }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    name: 'update organisation contacts',
    method: 'PATCH',
    request: async () => ({ url: `/api/v1/organisations/${p1.id}`, payload: { sector: `sector ${++n}` } }),
    expect: [200, 403, 200, 403, 404],
  },
  {
    name: 'rename organisation',
    method: 'PATCH',
    request: async () => ({ url: `/api/v1/organisations/${p1.id}`, payload: { name: `Partner renamed ${++n}` } }),
    expect: [200, 403, 403, 403, 404],
  },
  {
    name: 'status history',
    method: 'GET',
    request: async () => ({ url: `/api/v1/organisations/${p1.id}/status-history` }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    name: 'change partner status',
    method: 'POST',
    request: async () => ({
      url: `/api/v1/organisations/${(await freshPartner()).id}/status`,
      payload: { status: 'warned', reason: 'late report' },
    }),
    // a fresh partner of someone else's: non-operators cannot even see it
    expect: [200, 403, 404, 404, 404],
  },
  {
    name: "change own organisation's status",
    method: 'POST',
    request: async () => ({
      url: `/api/v1/organisations/${p1.id}/status`,
      payload: { status: 'under_review', reason: 'x' },
    }),
    expect: [409, 403, 403, 403, 404],
  },
  {
    name: 'list users',
    method: 'GET',
    request: async () => ({ url: '/api/v1/users' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: "list another org's users",
    method: 'GET',
    request: async () => ({ url: `/api/v1/users?orgId=${p1.id}` }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    name: 'create user',
    method: 'POST',
    request: async () => ({ url: '/api/v1/users', payload: newUserBody() }),
    expect: [201, 403, 201, 403, 404],
  },
  {
    name: 'show user',
    method: 'GET',
    request: async () => ({ url: `/api/v1/users/${p1Viewer.userId}` }),
    expect: [200, 200, 200, 200, 404],
  },
  {
    name: 'update user',
    method: 'PATCH',
    request: async () => ({ url: `/api/v1/users/${p1Viewer.userId}`, payload: { name: `Viewer ${++n}` } }),
    expect: [200, 403, 200, 403, 404],
  },
  {
    name: 'disable user',
    method: 'POST',
    request: async () => ({ url: `/api/v1/users/${(await freshP1User()).userId}/disable` }),
    expect: [200, 403, 200, 403, 404],
  },
  {
    name: 'enable user',
    method: 'POST',
    request: async () => ({ url: `/api/v1/users/${p1Viewer.userId}/enable` }),
    expect: [200, 403, 200, 403, 404],
  },
  {
    name: 'list tokens',
    method: 'GET',
    request: async () => ({ url: '/api/v1/tokens' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: 'create token',
    method: 'POST',
    request: async () => ({ url: '/api/v1/tokens', payload: { name: 'mine', scopes: ['read'], expiresInDays: 7 } }),
    expect: [201, 201, 201, 201, 201],
  },
  {
    name: "revoke a colleague's token",
    method: 'POST',
    request: async () => ({ url: `/api/v1/tokens/${await freshP1Token()}/revoke` }),
    expect: [200, 403, 200, 403, 404],
  },
  {
    name: 'read audit log',
    method: 'GET',
    request: async () => ({ url: '/api/v1/audit' }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    name: 'audit actions',
    method: 'GET',
    request: async () => ({ url: '/api/v1/audit/actions' }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    name: 'verify audit',
    method: 'GET',
    request: async () => ({ url: '/api/v1/audit/verify' }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    name: 'list checkpoints',
    method: 'GET',
    request: async () => ({ url: '/api/v1/audit/checkpoints' }),
    expect: [200, 403, 403, 403, 403],
  },
  {
    name: 'checkpoint',
    method: 'POST',
    request: async () => ({ url: '/api/v1/audit/checkpoints' }),
    expect: [201, 403, 403, 403, 403],
  },
  {
    name: 'session',
    method: 'GET',
    request: async () => ({ url: '/api/v1/session' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: 'list sanctions',
    method: 'GET',
    request: async () => ({ url: '/api/v1/sanctions' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: 'propose a sanction',
    method: 'POST',
    request: async () => ({ url: '/api/v1/sanctions', payload: proposal() }),
    expect: [201, 403, 403, 403, 403],
  },
  {
    // A proposal is the operator's deliberation: the partner concerned does not learn of it yet.
    name: 'show a proposed sanction',
    method: 'GET',
    request: async () => ({ url: `/api/v1/sanctions/${await freshProposal()}` }),
    expect: [200, 200, 404, 404, 404],
  },
  {
    // Operator analysts see the proposal but may not decide it; partners do not learn it exists.
    name: 'decide a sanction',
    method: 'POST',
    request: async () => ({
      url: `/api/v1/sanctions/${await freshProposal()}/decision`,
      payload: { decision: 'dismiss', reason: 'not warranted' },
    }),
    expect: [200, 403, 404, 404, 404],
  },
  {
    name: 'list reviews',
    method: 'GET',
    request: async () => ({ url: '/api/v1/reviews' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    name: 'list notifications',
    method: 'GET',
    request: async () => ({ url: '/api/v1/notifications' }),
    expect: [200, 200, 200, 200, 200],
  },
];

function proposal() {
  return { orgId: p1.id, measure: 'warning', reason: 'Late reporting' };
}
async function freshProposal(): Promise<string> {
  const res = await as(ctx.app, actors.opAdmin)({ method: 'POST', url: '/api/v1/sanctions', payload: proposal() });
  return (res.json() as { id: string }).id;
}

const order = ['opAdmin', 'opAnalyst', 'p1Admin', 'p1Viewer', 'p2Admin'] as const;

describe('authorization of every route', () => {
  it.each(cases)('$method $name: 401 without credentials, problem+json', async (c) => {
    const { url, payload } = await c.request();
    const res = await ctx.app.inject({ method: c.method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'session.required' });
  });

  it.each(cases)('$method $name: each role gets what the policy says', async (c) => {
    const got: number[] = [];
    for (const who of order) {
      const { url, payload } = await c.request();
      const res = await as(ctx.app, actors[who])({ method: c.method, url, ...(payload ? { payload } : {}) });
      got.push(res.statusCode);
      if (res.statusCode >= 400) {
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toHaveProperty('code');
      }
    }
    expect(got).toEqual(c.expect);
  });

  it('records every denied privileged action in the audit log', async () => {
    const before = await as(
      ctx.app,
      actors.opAdmin,
    )({ method: 'GET', url: '/api/v1/audit?action=access.denied&limit=1' });
    const res = await as(
      ctx.app,
      actors.p1Admin,
    )({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Sneaky', kind: 'partner' },
    });
    expect(res.statusCode).toBe(403);
    const after = await as(
      ctx.app,
      actors.opAdmin,
    )({ method: 'GET', url: '/api/v1/audit?action=access.denied&limit=1' });
    expect(after.json().total).toBe(before.json().total + 1);
    expect(after.json().items[0]).toMatchObject({
      action: 'access.denied',
      actor: { type: 'user', id: actors.p1Admin.userId, label: actors.p1Admin.email },
      summary: { attempted: 'org.create', code: 'org.create_forbidden', name: 'Sneaky' },
    });
  });
});
