import type { InjectOptions } from 'light-my-request';
import type { App } from '../../src/app.ts';

export interface Actor {
  email: string;
  password: string;
  userId: string;
  orgId: string;
  /** Cookie and CSRF headers for app.inject. */
  headers: Record<string, string>;
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: App, email: string, password: string): Promise<Actor> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ts_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  const body = res.json() as { user: { id: string; orgId: string }; csrfToken: string };
  return {
    email,
    password,
    userId: body.user.id,
    orgId: body.user.orgId,
    cookie: cookie.value,
    csrfToken: body.csrfToken,
    headers: { cookie: `ts_session=${cookie.value}`, 'x-csrf-token': body.csrfToken },
  };
}

/** Signs in and, if the platform chose the password, replaces it as the first sign-in requires. */
export async function signInReady(app: App, email: string, password: string): Promise<Actor> {
  const actor = await signIn(app, email, password);
  const newPassword = `${password}-changed`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/users/me/password',
    headers: actor.headers,
    payload: { currentPassword: password, newPassword },
  });
  if (res.statusCode !== 204) throw new Error(`password change failed: ${res.statusCode} ${res.body}`);
  return { ...actor, password: newPassword };
}

/** app.inject as this actor. */
export function as(app: App, actor: Actor | { headers: Record<string, string> }) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...actor.headers, ...(options.headers as Record<string, string>) } });
}

let counter = 0;
export const unique = (prefix: string) => `${prefix} ${process.pid}-${++counter}`;

export async function createOrg(
  app: App,
  admin: Actor,
  kind: 'partner' | 'member' | 'researcher',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const res = await as(
    app,
    admin,
  )({
    method: 'POST',
    url: '/api/v1/organisations',
    payload: { name: unique(`${kind} org`), kind, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`create org failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Creates a user with a chosen password and signs them in. */
export async function createUser(
  app: App,
  admin: Actor,
  orgId: string,
  role: 'admin' | 'analyst' | 'reporter' | 'viewer',
): Promise<Actor> {
  const email = `${role}-${process.pid}-${++counter}@example.test`;
  const password = 'correct horse battery staple';
  const res = await as(
    app,
    admin,
  )({
    method: 'POST',
    url: '/api/v1/users',
    payload: { orgId, email, name: `${role} ${counter}`, role, password },
  });
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.statusCode} ${res.body}`);
  return signIn(app, email, password);
}

export const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });
