import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { type Actor, as, bearer, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
let admin: Actor;
let reporter: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  const org = await createOrg(ctx.app, admin, 'partner');
  reporter = await createUser(ctx.app, admin, org.id, 'reporter');
});
afterAll(() => ctx.close());

async function createToken(actor: Actor, scopes: string[], expiresInDays = 30) {
  const res = await as(
    ctx.app,
    actor,
  )({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'robot', scopes, expiresInDays } });
  expect(res.statusCode).toBe(201);
  return res.json() as { token: { id: string; prefix: string; expiresAt: string }; secret: string };
}

describe('API tokens', () => {
  it('are 256-bit random secrets shown once and stored only as a hash', async () => {
    const { token, secret } = await createToken(reporter, ['read', 'write']);
    expect(secret).toMatch(/^tsk_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const list = await as(ctx.app, reporter)({ method: 'GET', url: '/api/v1/tokens' });
    expect(list.body).not.toContain(secret);
    const rows = await queryRows(ctx.container.database.db, sql`select * from api_tokens`);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(12));
  });

  it('authenticate as their user, narrowed to their scopes, and record their last use', async () => {
    const { token, secret } = await createToken(reporter, ['read']);
    const read = await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', ...bearer(secret) });
    expect(read.statusCode).toBe(200);
    expect(read.json().total).toBe(1);
    const write = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${reporter.orgId}`,
      payload: { sector: 'Energy' },
      ...bearer(secret),
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('token.scope_insufficient');
    const list = await as(ctx.app, reporter)({ method: 'GET', url: '/api/v1/tokens' });
    const listed = (list.json().items as { id: string; lastUsedAt: string | null }[]).find((t) => t.id === token.id);
    expect(listed?.lastUsedAt).toBe(ctx.clock.now().toISOString());
  });

  it('need no CSRF header: they are not ambient credentials', async () => {
    const { secret } = await createToken(admin, ['read', 'write', 'admin']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Made by a robot', kind: 'member' },
      ...bearer(secret),
    });
    expect(res.statusCode).toBe(201);
    const audit = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit?action=org.created&limit=1' });
    expect(audit.json().items[0].actor).toMatchObject({ type: 'token', label: `token:robot (${admin.email})` });
  });

  it('without the admin scope cannot do admin work even for an admin', async () => {
    const { secret } = await createToken(admin, ['read', 'write']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Not allowed', kind: 'member' },
      ...bearer(secret),
    });
    expect(res.statusCode).toBe(403);
  });

  it('cannot be given more than the role allows', async () => {
    const res = await as(
      ctx.app,
      reporter,
    )({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'too much', scopes: ['admin'], expiresInDays: 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'token.scope_exceeds_role', errors: [{ pointer: '/scopes' }] });
  });

  it('reject bad, malformed, expired and revoked tokens with 401 problem+json', async () => {
    const bad = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      ...bearer(`tsk_${'A'.repeat(43)}`),
    });
    expect(bad.json()).toMatchObject({ status: 401, code: 'token.invalid' });
    const malformed = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/organisations',
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.json()).toMatchObject({ status: 401, code: 'token.malformed' });

    const expiring = await createToken(reporter, ['read'], 1);
    ctx.clock.advance(2 * 86_400_000);
    const expired = await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', ...bearer(expiring.secret) });
    ctx.clock.advance(-2 * 86_400_000);
    expect(expired.json()).toMatchObject({ status: 401, code: 'token.expired' });

    const revoking = await createToken(reporter, ['read']);
    const revoke = await as(ctx.app, reporter)({ method: 'POST', url: `/api/v1/tokens/${revoking.token.id}/revoke` });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).toBe(ctx.clock.now().toISOString());
    const revoked = await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', ...bearer(revoking.secret) });
    expect(revoked.json()).toMatchObject({ status: 401, code: 'token.revoked' });
    const again = await as(ctx.app, reporter)({ method: 'POST', url: `/api/v1/tokens/${revoking.token.id}/revoke` });
    expect(again.statusCode).toBe(409);
  });

  it('stop working when their user is disabled', async () => {
    const org = await createOrg(ctx.app, admin, 'member');
    const user = await createUser(ctx.app, admin, org.id, 'analyst');
    const { secret } = await createToken(user, ['read']);
    await as(ctx.app, admin)({ method: 'POST', url: `/api/v1/users/${user.userId}/disable` });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', ...bearer(secret) });
    expect(res.json()).toMatchObject({ status: 401, code: 'token.invalid' });
  });

  it('are listed without revoked ones unless asked', async () => {
    const all = await as(ctx.app, reporter)({ method: 'GET', url: '/api/v1/tokens?includeRevoked=true' });
    const active = await as(ctx.app, reporter)({ method: 'GET', url: '/api/v1/tokens' });
    expect(all.json().total).toBeGreaterThan(active.json().total);
    expect((active.json().items as { revokedAt: string | null }[]).every((t) => t.revokedAt === null)).toBe(true);
  });
});
