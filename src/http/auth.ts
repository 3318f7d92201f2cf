import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { safeEqual } from '../shared/crypto.ts';
import { forbidden, unauthenticated } from '../shared/errors.ts';
import { hasScope, type Principal } from '../shared/principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    session: { sessionId: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Reachable by a user who must still replace the password the platform gave them. */
    beforePasswordChange?: boolean;
  }
}

export interface Authenticator {
  resolveSession(
    cookieValue: string,
  ): Promise<{ sessionId: string; csrfToken: string; principal: Principal; mustChangePassword: boolean } | undefined>;
  authenticateToken(secret: string): Promise<Principal>;
  sessionCookie: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Resolves who is calling, once per request, before the body is read: a bearer API token or a session cookie.
 * Cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token.
 * Tokens need the write scope for writes; routes ask for admin scope through the policies.
 */
async function authenticate(request: FastifyRequest, auth: Authenticator): Promise<void> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('token.malformed', 'Send the API token as "Authorization: Bearer <token>"');
    const principal = await auth.authenticateToken(match[1]);
    if (!SAFE_METHODS.has(request.method) && !hasScope(principal, 'write')) {
      throw forbidden('token.scope_insufficient', 'This API token has no write scope');
    }
    request.principal = principal;
    return;
  }
  const cookie = request.cookies[auth.sessionCookie];
  const resolved = cookie ? await auth.resolveSession(cookie) : undefined;
  if (!resolved) throw unauthenticated('session.required', 'Sign in or send an API token');
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent.length === 0) {
      throw forbidden('csrf.missing', 'Writes made with the session cookie need the X-CSRF-Token header');
    }
    if (!safeEqual(sent, resolved.csrfToken))
      throw forbidden('csrf.mismatch', 'The X-CSRF-Token header does not match your session');
  }
  if (resolved.mustChangePassword && !request.routeOptions.config.beforePasswordChange) {
    throw forbidden('user.password_change_required', 'Choose a new password first (POST /api/v1/users/me/password)');
  }
  request.principal = resolved.principal;
  request.session = { sessionId: resolved.sessionId, csrfToken: resolved.csrfToken };
}

/** Gives every request a principal slot; the API scope fills it (see requireAuthentication). */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
});

/** Installs authentication on every route of a scope except those marked public. */
export function requireAuthentication(scope: FastifyInstance, auth: Authenticator): void {
  scope.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    await authenticate(request, auth);
  });
}
