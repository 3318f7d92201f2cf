import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signIn, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
let admin: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
});
afterAll(() => ctx.close());

const signInRaw = (email: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await signInRaw(admin.email, admin.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ts_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ user: { email: admin.email, role: 'admin', orgKind: 'operator' } });
    expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const wrong = await signInRaw(admin.email, 'not the password');
    const unknown = await signInRaw('nobody@example.test', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'session.invalid_credentials', detail: 'Invalid email or password' });
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('refuses a disabled user with the same answer', async () => {
    const org = await createOrg(ctx.app, admin, 'member');
    const user = await createUser(ctx.app, admin, org.id, 'viewer');
    await as(ctx.app, admin)({ method: 'POST', url: `/api/v1/users/${user.userId}/disable` });
    const res = await signInRaw(user.email, user.password);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session.invalid_credentials');
    // and the sessions it had are gone
    const old = await as(ctx.app, user)({ method: 'GET', url: '/api/v1/session' });
    expect(old.statusCode).toBe(401);
  });

  it('requires the platform-chosen password to be changed before anything else', async () => {
    const org = await createOrg(ctx.app, admin, 'member');
    const created = await as(
      ctx.app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/users',
      payload: { orgId: org.id, email: 'first@example.test', name: 'First', role: 'admin' },
    });
    const { initialPassword } = created.json() as { initialPassword: string };
    expect(initialPassword).toHaveLength(20);
    const user = await signIn(ctx.app, 'first@example.test', initialPassword);
    const blocked = await as(ctx.app, user)({ method: 'GET', url: '/api/v1/organisations' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('user.password_change_required');
    const me = await as(ctx.app, user)({ method: 'GET', url: '/api/v1/session' });
    expect(me.json().user.mustChangePassword).toBe(true);
    const short = await as(
      ctx.app,
      user,
    )({
      method: 'POST',
      url: '/api/v1/users/me/password',
      payload: { currentPassword: initialPassword, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].pointer).toBe('/newPassword');
    const changed = await as(
      ctx.app,
      user,
    )({
      method: 'POST',
      url: '/api/v1/users/me/password',
      payload: { currentPassword: initialPassword, newPassword: 'a much better passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await as(ctx.app, user)({ method: 'GET', url: '/api/v1/organisations' })).statusCode).toBe(200);
    expect((await signInRaw('first@example.test', initialPassword)).statusCode).toBe(401);
  });

  it('signs out: the cookie stops working', async () => {
    const session = await signIn(ctx.app, admin.email, admin.password);
    const out = await as(ctx.app, session)({ method: 'DELETE', url: '/api/v1/session' });
    expect(out.statusCode).toBe(204);
    expect((await as(ctx.app, session)({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const session = await signIn(ctx.app, admin.email, admin.password);
    ctx.clock.advance(13 * 3_600_000);
    const res = await as(ctx.app, session)({ method: 'GET', url: '/api/v1/session' });
    ctx.clock.advance(-13 * 3_600_000);
    expect(res.statusCode).toBe(401);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  const write = (headers: Record<string, string>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers,
      payload: { name: 'CSRF Org', kind: 'member' },
    });

  it('rejects a write without the X-CSRF-Token header, writing nothing', async () => {
    const res = await write({ cookie: admin.headers.cookie! });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf.missing' });
    const list = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/organisations?q=CSRF' });
    expect(list.json().total).toBe(0);
  });

  it('rejects a write with a wrong token', async () => {
    const res = await write({ cookie: admin.headers.cookie!, 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf.mismatch');
  });

  it('accepts the write with the session token', async () => {
    expect((await write(admin.headers)).statusCode).toBe(201);
  });
});

describe('rate-limited sign-in', () => {
  it('answers 429 problem+json after the configured number of attempts per minute', async () => {
    const limited = await createTestContext({ env: { SIGN_IN_MAX_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: limited.admin.email, password: 'guess' },
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('cookies behind TLS', () => {
  it('marks the session cookie Secure when the public URL is https', async () => {
    const tls = await createTestContext({ env: { PUBLIC_URL: 'https://threatshare.example' } });
    try {
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: tls.admin.email, password: tls.admin.password },
      });
      expect(res.cookies.find((c) => c.name === 'ts_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await tls.close();
    }
  });
});
