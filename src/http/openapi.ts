import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from './auth.ts';

/** OpenAPI 3.1 generated from the route schemas, served at /api/v1/openapi.json, browsable at /docs. */
export async function registerOpenApi(app: FastifyInstance, info: { version: string; publicUrl: string }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'threatshare API',
        version: info.version,
        description:
          'Cyber-threat and vulnerability information sharing. Authenticate with a session cookie (browser; writes need ' +
          'the X-CSRF-Token header) or an API token (Authorization: Bearer tsk_…). Errors are RFC 9457 problem details.',
      },
      servers: [{ url: info.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (tsk_…)' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ts_session',
            description: `Plus the ${CSRF_HEADER} header on writes`,
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { url: '/api/v1/openapi.json', deepLinking: true },
  });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
