import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { type Actor, as, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
let admin: Actor;

beforeAll(async () => {
  ctx = await createTestContext({ env: { BODY_LIMIT_BYTES: '4096' } });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
});
afterAll(() => ctx.close());

/** What a write would leave behind: the organisation count and the audit chain's head. */
async function snapshot() {
  const [orgs] = await queryRows<{ n: number }>(
    ctx.container.database.db,
    sql`select count(*)::int as n from organisations`,
  );
  const [head] = await queryRows<{ seq: number }>(ctx.container.database.db, sql`select seq from audit_head`);
  return { orgs: orgs?.n, head: Number(head?.seq) };
}

const post = (payload: string | Record<string, unknown>, headers: Record<string, string> = {}) =>
  as(
    ctx.app,
    admin,
  )({
    method: 'POST',
    url: '/api/v1/organisations',
    headers: { 'content-type': 'application/json', ...headers },
    payload,
  });

describe('bad input gets a clear problem+json answer and writes nothing', () => {
  it.each([
    {
      what: 'malformed JSON',
      payload: '{"name": "Broken", "kind": ',
      status: 400,
      code: 'request.malformed_json',
    },
    {
      what: 'a wrong type',
      payload: { name: 42, kind: 'member' },
      status: 400,
      code: 'request.invalid_body',
      pointer: '/name',
    },
    {
      what: 'an unknown field',
      payload: { name: 'Extra Org', kind: 'member', isAdmin: true },
      status: 400,
      code: 'request.invalid_body',
      pointer: '/isAdmin',
    },
    {
      what: 'a missing field',
      payload: { name: 'No Kind Org' },
      status: 400,
      code: 'request.invalid_body',
      pointer: '/kind',
    },
    {
      what: 'a value outside the vocabulary',
      payload: { name: 'Odd Org', kind: 'vendor' },
      status: 400,
      code: 'request.invalid_body',
      pointer: '/kind',
    },
    {
      what: 'a malformed country code',
      payload: { name: 'Country Org', kind: 'member', country: 'Germany' },
      status: 400,
      code: 'request.invalid_body',
      pointer: '/country',
    },
    {
      what: 'an oversized body',
      payload: { name: 'Big Org', kind: 'member', sector: 'x'.repeat(5000) },
      status: 413,
      code: 'request.body_too_large',
    },
  ])('$what → $status $code', async ({ payload, status, code, pointer }) => {
    const before = await snapshot();
    const res = await post(payload);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const body = res.json();
    expect(body).toMatchObject({ status, code, instance: '/api/v1/organisations' });
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(body.type).toMatch(/^https:\/\//);
    expect(body.detail.length).toBeGreaterThan(10);
    if (pointer) expect(body.errors).toContainEqual(expect.objectContaining({ pointer }));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|select |insert into/i);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects wrongly typed query parameters', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/organisations?limit=lots' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid_querystring', errors: [{ pointer: '/limit' }] });
  });

  it('rejects unknown query parameters', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/organisations?drop=table' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ pointer: '/drop' }));
  });

  it('rejects a malformed id in the path', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/organisations/not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid_params', errors: [{ pointer: '/id' }] });
  });

  it('answers unknown API routes with a problem', async () => {
    const res = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route.not_found' });
  });

  it('answers a duplicate name with 409 naming the field', async () => {
    expect((await post({ name: 'Twin Org', kind: 'member' })).statusCode).toBe(201);
    const before = await snapshot();
    const res = await post({ name: 'twin org', kind: 'partner' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'org.name_taken', errors: [{ pointer: '/name' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('serves security headers on every response', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
