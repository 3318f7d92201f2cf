import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { SystemService } from './system.service.ts';

const Health = Type.Object({ status: Type.String(), detail: Type.Optional(Type.String()) });
const Meta = Type.Object({
  name: Type.Literal('threatshare'),
  version: Type.String(),
  operatorName: Type.String(),
  database: Type.String(),
});

export function systemRoutes(
  service: SystemService,
  meta: { version: string; operatorName: string; database: string },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const open = { public: true } as const;
    app.get(
      '/healthz',
      {
        config: open,
        schema: { tags: ['system'], summary: 'Liveness: the process answers', security: [], response: { 200: Health } },
      },
      async () => ({ status: 'ok' }),
    );
    app.get(
      '/readyz',
      {
        config: open,
        schema: {
          tags: ['system'],
          summary: 'Readiness: the database answers and the server is not shutting down',
          security: [],
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) => {
        const { ok, detail } = await service.ready();
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', detail });
      },
    );
    app.get(
      '/api/v1/meta',
      {
        config: open,
        schema: { tags: ['system'], summary: 'What this server is', security: [], response: { 200: Meta } },
      },
      async () => ({ name: 'threatshare' as const, ...meta }),
    );
  };
}
