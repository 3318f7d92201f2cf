import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/** Every route in the OpenAPI document that is not public answers 401 problem+json without credentials. */
let ctx: TestContext;
let routes: { method: string; url: string }[];
const publicRoutes = new Set([
  'POST /api/v1/session',
  'GET /api/v1/meta',
  'GET /healthz',
  'GET /readyz',
  'GET /.well-known/threatshare-keys.json',
]);
const sampleId = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  ctx = await createTestContext();
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({
        method: m.toUpperCase(),
        url: path.replace(/\{[^}]+\}/g, (p) => (p === '{cveId}' ? 'CVE-2021-44228' : sampleId)),
      })),
  );
});
afterAll(() => ctx.close());

describe('authentication', () => {
  it('is required by every non-public route', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const open: string[] = [];
    for (const { method, url } of routes) {
      const key = `${method} ${url}`;
      if (publicRoutes.has(key)) continue;
      const res = await ctx.app.inject({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) });
      if (res.statusCode !== 401 || !String(res.headers['content-type']).includes('application/problem+json'))
        open.push(`${key} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
