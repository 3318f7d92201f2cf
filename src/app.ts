import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Container } from './container.ts';
import { version } from './container.ts';
import { authPlugin, requireAuthentication } from './http/auth.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerOpenApi } from './http/openapi.ts';
import { ProblemSchema } from './http/schemas.ts';
import { createValidatorCompiler } from './http/validation.ts';
import { registerWeb } from './http/web.ts';
import { SESSION_COOKIE } from './modules/sessions/index.ts';

export const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  webDir?: string;
}

/** Secrets never reach the logs, whatever a serializer includes. */
export const logRedactions = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

/** The Fastify instance for a container. It never listens: main.ts does, tests inject. */
export async function buildApp(container: Container, options: AppOptions = {}) {
  const { config, modules } = container;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL, redact: logRedactions },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(createValidatorCompiler());
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.PUBLIC_URL.startsWith('https://'),
  });
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin);
  await registerOpenApi(app, { version, publicUrl: config.PUBLIC_URL });

  app.addSchema(ProblemSchema);
  for (const module of Object.values(modules)) for (const schema of module.schemas) app.addSchema(schema);

  await app.register(modules.system.routes);
  await app.register(modules.keys.routes);
  await app.register(
    async (api) => {
      requireAuthentication(api, {
        sessionCookie: SESSION_COOKIE,
        resolveSession: (value) => modules.sessions.service.resolve(value),
        authenticateToken: (secret) => modules.tokens.service.authenticate(secret),
      });
      for (const name of [
        'sessions',
        'organisations',
        'users',
        'tokens',
        'audit',
        'catalog',
        'regimes',
        'reports',
        'scorecards',
        'violations',
        'notifications',
        'sanctions',
      ] as const) {
        await api.register(modules[name].routes);
      }
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, options.webDir ?? defaultWebDir);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
