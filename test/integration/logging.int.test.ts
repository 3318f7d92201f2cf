import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, bearer, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  ctx = await createTestContext({ logStream: stream });
});
afterAll(() => ctx.close());

describe('logs', () => {
  it('are JSON with request ids and never contain passwords, tokens, CSRF tokens or cookies', async () => {
    const admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: admin.email, password: 'wrong-password-xyz' },
    });
    const created = await as(
      ctx.app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'logged?', scopes: ['read'], expiresInDays: 1 },
    });
    const { secret } = created.json() as { secret: string };
    await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', ...bearer(secret) });
    await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', ...bearer(`${secret}x`) });
    await as(ctx.app, admin)({ method: 'POST', url: '/api/v1/organisations', payload: '{"broken":' });

    expect(lines.length).toBeGreaterThan(10);
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string });
    expect(parsed.filter((l) => l.msg === 'incoming request').every((l) => typeof l.reqId === 'string')).toBe(true);
    const all = lines.join('\n');
    for (const secretValue of [
      ctx.admin.password,
      admin.password,
      'wrong-password-xyz',
      secret,
      secret.slice(4, 30),
      admin.cookie,
      admin.csrfToken,
    ]) {
      expect(all).not.toContain(secretValue);
    }
  });
});
