import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from './problem.ts';

const apiPrefixes = ['/api/', '/docs', '/.well-known/', '/healthz', '/readyz', '/taxii2/', '/feeds/'];

/** Serves the built web UI at / and answers unknown paths: index.html for pages, problem+json for the API. */
export async function registerWeb(app: FastifyInstance, webDir: string) {
  const hasUi = existsSync(path.join(webDir, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = apiPrefixes.some((p) => request.url.startsWith(p));
    if (hasUi && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const detail = isApi || !hasUi ? `No route ${request.method} ${request.url.split('?')[0]}` : 'Not found';
    return sendProblem(reply, toProblem(request, 404, 'route.not_found', detail));
  });
}
