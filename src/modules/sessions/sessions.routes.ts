import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { errorResponses, Uuid } from '../../http/schemas.ts';
import { notFound, unauthenticated } from '../../shared/errors.ts';
import { orgKinds, roles } from '../../shared/principal.ts';
import type { UsersService } from '../users/index.ts';
import type { SessionsService } from './sessions.service.ts';

export const SESSION_COOKIE = 'ts_session';

const SignInBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.Unsafe<(typeof roles)[number]>({ type: 'string', enum: [...roles] }),
  orgId: Uuid,
  orgName: Type.String(),
  orgKind: Type.Unsafe<(typeof orgKinds)[number]>({ type: 'string', enum: [...orgKinds] }),
  mustChangePassword: Type.Boolean(),
});
const SessionDto = Type.Object({
  user: Me,
  csrfToken: Type.String({ description: 'Send it as the X-CSRF-Token header on every write made with the cookie' }),
});

export interface SessionRoutesOptions {
  sessions: SessionsService;
  users: Pick<UsersService, 'findUser'>;
  signInMaxPerMinute: number;
  secureCookies: boolean;
}

const tags = ['session'];

export function sessionsRoutes(options: SessionRoutesOptions): FastifyPluginAsyncTypebox {
  const { sessions, users } = options;

  async function sessionBody(userId: string, csrfToken: string): Promise<Static<typeof SessionDto>> {
    const user = await users.findUser(userId);
    if (!user) throw notFound('user.not_found', 'Your account no longer exists');
    const { id, email, name, role, orgId, orgName, orgKind, mustChangePassword } = user;
    return {
      user: { id, email, name, role: role as never, orgId, orgName, orgKind: orgKind as never, mustChangePassword },
      csrfToken,
    };
  }

  const isSecure = (request: FastifyRequest) => options.secureCookies || request.protocol === 'https';

  return async (app) => {
    app.post(
      '/session',
      {
        config: {
          public: true,
          rateLimit: { max: options.signInMaxPerMinute, timeWindow: 60_000 },
        },
        schema: {
          tags,
          summary: 'Sign in with e-mail and password',
          description: 'Sets an HttpOnly, SameSite=Strict session cookie. Rate-limited per client address.',
          security: [],
          body: SignInBody,
          response: { 200: SessionDto, ...errorResponses, 429: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const result = await sessions.signIn(request.body.email, request.body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, result.cookieValue, {
          httpOnly: true,
          sameSite: 'strict',
          secure: isSecure(request),
          path: '/',
          expires: result.expiresAt,
        });
        return sessionBody(result.userId, result.csrfToken);
      },
    );

    app.get(
      '/session',
      {
        config: { beforePasswordChange: true },
        schema: {
          tags,
          summary: 'The signed-in user and the CSRF token',
          response: { 200: SessionDto, ...errorResponses },
        },
      },
      async (request) => {
        if (!request.session)
          throw unauthenticated('session.required', 'Sign in first: this call needs a session cookie');
        return sessionBody(request.principal!.userId!, request.session.csrfToken);
      },
    );

    app.delete(
      '/session',
      {
        config: { beforePasswordChange: true },
        schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...errorResponses } },
      },
      async (request, reply) => {
        if (!request.session)
          throw unauthenticated('session.required', 'Sign in first: this call needs a session cookie');
        await sessions.signOut(request.principal!, request.session.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: isSecure(request) });
        return reply.status(204).send(null);
      },
    );
  };
}
