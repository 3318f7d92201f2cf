import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('platform endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().detail).toMatch(/database \((pglite|postgres)\) reachable/);
  });

  it('reports not ready while draining', async () => {
    ctx.container.modules.system.service.startDraining();
    const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', detail: 'shutting down' });
  });

  it('publishes an OpenAPI 3.1 document covering every API route, and a browsable reference', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of [
      '/api/v1/session',
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/organisations/{id}/status',
      '/api/v1/organisations/{id}/status-history',
      '/api/v1/users',
      '/api/v1/users/{id}/disable',
      '/api/v1/users/me/password',
      '/api/v1/tokens',
      '/api/v1/tokens/{id}/revoke',
      '/api/v1/audit',
      '/api/v1/audit/verify',
      '/api/v1/audit/checkpoints',
      '/.well-known/threatshare-keys.json',
    ]) {
      expect(doc.paths, route).toHaveProperty([route]);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Problem', 'Organisation', 'User', 'ApiToken']),
    );
    const create = doc.paths['/api/v1/organisations'].post;
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    const docs = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('describes itself at /api/v1/meta', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(res.json()).toMatchObject({ name: 'threatshare', operatorName: 'Operator' });
  });
});

describe('web UI hosting', () => {
  it('serves the built UI at / and index.html for client-side routes, problems for unknown API paths', async () => {
    const webDir = path.join(ctx.dataDir, 'web');
    mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>threatshare</title>');
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildApp(ctx.container, { logger: false, webDir });
    try {
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>threatshare</title>');
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      const page = await app.inject({ method: 'GET', url: '/organisations/123' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
    }
  });
});
