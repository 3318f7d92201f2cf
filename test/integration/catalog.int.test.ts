import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPrincipal } from '../../src/shared/principal.ts';
import { type Actor, as, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { buildZip } from './catalog.zip.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const cveDir = path.join(fixtures, 'cve');
const kevCurrent = path.join(fixtures, 'kev/known_exploited_vulnerabilities.json');
const kevPrevious = path.join(fixtures, 'kev/previous/known_exploited_vulnerabilities-2025-04-29.json');
const log4shell = path.join(cveDir, 'osv.dev-cvelistV5-snapshot/cves/2021/44xxx/CVE-2021-44228.json');

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : [],
  );
const recordFiles = walk(cveDir);
const distinctIds = new Set(recordFiles.map((f) => path.basename(f, '.json')));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let tmp: string;
const cli = systemPrincipal('cli:test');
const service = () => ctx.container.modules.catalog.service;
const api = () => as(ctx.app, admin);

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  const org = await createOrg(ctx.app, admin, 'partner');
  partner = await createUser(ctx.app, admin, org.id, 'admin');
  tmp = mkdtempSync(path.join(tmpdir(), 'catalog-test-'));
});
afterAll(async () => {
  await ctx.close();
  rmSync(tmp, { recursive: true, force: true });
});

const auditCount = async (action: string) =>
  (await api()({ method: 'GET', url: `/api/v1/audit?action=${action}&limit=1` })).json().total as number;

describe('CVE import', () => {
  it('imports every one of the 445 real records; duplicates (same id, same content) count as unchanged', async () => {
    expect(recordFiles).toHaveLength(445);
    expect(distinctIds.size).toBe(443);
    const result = await service().importCveRecords(cli, cveDir);
    expect(result).toMatchObject({ read: 445, inserted: 443, updated: 0, unchanged: 2, skipped: 0, failed: [] });
    expect(await auditCount('catalog.cve_imported')).toBe(1);
  });

  it('a second import changes nothing', async () => {
    const progress: number[] = [];
    const result = await service().importCveRecords(cli, cveDir, (p) => progress.push(p.processed));
    expect(result).toMatchObject({ read: 445, inserted: 0, updated: 0, unchanged: 445, failed: [] });
    expect(progress.at(-1)).toBe(445);
    expect(await auditCount('catalog.cve_imported')).toBe(2);
  });

  it('updates exactly the record whose content changed, skips non-record JSON and reports broken files', async () => {
    const copy = path.join(tmp, 'cvelist');
    cpSync(cveDir, copy, { recursive: true });
    const changed = path.join(copy, 'osv.dev-cvelistV5-snapshot/cves/2021/44xxx/CVE-2021-44228.json');
    const record = readJson(changed);
    record.containers.cna.title = 'Log4Shell (edited)';
    writeFileSync(changed, JSON.stringify(record));
    writeFileSync(path.join(copy, 'delta.json'), JSON.stringify({ fetchTime: 'x', new: [], updated: [] }));
    writeFileSync(path.join(copy, 'CVE-2099-0000.json'), '{ not json');
    const result = await service().importCveRecords(cli, copy);
    expect(result).toMatchObject({ read: 446, inserted: 0, updated: 1, unchanged: 444, skipped: 1 });
    expect(result.failed).toEqual([{ file: 'CVE-2099-0000.json', error: expect.stringMatching(/^not JSON/) }]);
    const shown = await api()({ method: 'GET', url: '/api/v1/catalog/cves/CVE-2021-44228' });
    expect(shown.json().title).toBe('Log4Shell (edited)');
  });

  it('imports from a zip in the cvelistV5 layout, streaming its entries', async () => {
    const base = readJson(log4shell);
    const files = [
      { name: 'cves/', content: '' },
      { name: 'cves/deltaLog.json', content: '[]' },
    ];
    for (let i = 1; i <= 5; i++) {
      const cveId = `CVE-2099-000${i}`;
      const record = { ...base, cveMetadata: { ...base.cveMetadata, cveId } };
      files.push({ name: `cves/2099/0xxx/${cveId}.json`, content: JSON.stringify(record) });
    }
    const zip = path.join(tmp, 'cves.zip');
    writeFileSync(zip, buildZip(files));
    const result = await service().importCveRecords(cli, zip);
    expect(result).toMatchObject({ read: 5, inserted: 5, skipped: 1, failed: [] });
  });

  it('refuses a missing source, a broken zip and a single file that is not a record, writing nothing', async () => {
    const before = await auditCount('catalog.cve_imported');
    const bad = path.join(tmp, 'bad.zip');
    writeFileSync(bad, 'PK\u0003\u0004 this is not really a zip');
    const notRecord = path.join(tmp, 'not-a-record.json');
    writeFileSync(notRecord, '{"hello": "world"}');
    await expect(service().importCveRecords(cli, path.join(tmp, 'nope'))).rejects.toMatchObject({
      code: 'catalog.source_missing',
    });
    await expect(service().importCveRecords(cli, bad)).rejects.toMatchObject({ code: 'catalog.not_a_zip' });
    await expect(service().importCveRecords(cli, notRecord)).rejects.toMatchObject({ code: 'catalog.not_cve_record' });
    expect(await auditCount('catalog.cve_imported')).toBe(before);
  });
});

describe('KEV import', () => {
  it('imports the previous catalog, then the current one updates only what changed', async () => {
    const previous = readJson(kevPrevious).vulnerabilities as { cveID: string }[];
    const current = readJson(kevCurrent).vulnerabilities as { cveID: string }[];
    const first = await service().importKev(cli, kevPrevious);
    expect(first).toMatchObject({ catalogVersion: '2025.04.29', read: 1327, inserted: 1327, updated: 0 });

    const before = new Map(previous.map((v) => [v.cveID, JSON.stringify(v)]));
    const added = current.filter((v) => !before.has(v.cveID)).length;
    const changed = current.filter((v) => before.has(v.cveID) && before.get(v.cveID) !== JSON.stringify(v)).length;
    const second = await service().importKev(cli, kevCurrent);
    expect(second).toMatchObject({ read: 1404, inserted: added, updated: changed });
    expect(second.unchanged).toBe(1404 - added - changed);
    expect(added).toBeGreaterThan(0);

    const third = await service().importKev(cli, kevCurrent);
    expect(third).toMatchObject({ inserted: 0, updated: 0, unchanged: 1404 });
    expect(await auditCount('catalog.kev_imported')).toBe(3);
  });

  it('accepts a full catalog over the API (larger than the default body limit)', async () => {
    const res = await api()({
      method: 'POST',
      url: '/api/v1/catalog/kev',
      payload: readFileSync(kevCurrent, 'utf8'),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ catalogVersion: '2025.08.25', unchanged: 1404 });
  });

  it('refuses a file that is not a KEV catalog with the problems named', async () => {
    const res = await api()({
      method: 'POST',
      url: '/api/v1/catalog/kev',
      payload: { vulnerabilities: [{ cveID: 'x' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('catalog.not_kev_catalog');
    expect(res.json().errors).toContainEqual({ pointer: '/vulnerabilities/0/cveID', detail: expect.any(String) });
    await expect(service().importKev(cli, log4shell)).rejects.toMatchObject({ code: 'catalog.not_kev_catalog' });
  });
});

describe('catalog routes', () => {
  it('list with paging, search, KEV-only filter and sorting', async () => {
    const page = await api()({ method: 'GET', url: '/api/v1/catalog/cves?limit=10&offset=10&sort=cveId' });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 448, limit: 10, offset: 10 });
    expect(page.json().items).toHaveLength(10);
    const q = await api()({ method: 'GET', url: '/api/v1/catalog/cves?q=log4j2' });
    expect(q.json().items.map((c: { cveId: string }) => c.cveId)).toContain('CVE-2021-44228');
    const kevIds = new Set((readJson(kevCurrent).vulnerabilities as { cveID: string }[]).map((v) => v.cveID));
    const inKev = [...distinctIds].filter((id) => kevIds.has(id)).length;
    const kevOnly = await api()({ method: 'GET', url: '/api/v1/catalog/cves?kev=true&limit=200' });
    expect(kevOnly.json().total).toBe(inKev);
    expect(kevOnly.json().items.every((c: { kev: unknown }) => c.kev !== null)).toBe(true);
    const byScore = await api()({ method: 'GET', url: '/api/v1/catalog/cves?sort=cvssScore&order=desc&limit=1' });
    expect(byScore.json().items[0].cvssScore).toBe(10);
    const kev = await api()({ method: 'GET', url: '/api/v1/catalog/kev?q=log4j&limit=5' });
    expect(kev.json().items.map((k: { cveId: string }) => k.cveId)).toContain('CVE-2021-44228');
  });

  it('shows a CVE with its KEV entry (evidence of exploitation), versions, references and the raw record', async () => {
    const res = await as(ctx.app, partner)({ method: 'GET', url: '/api/v1/catalog/cves/CVE-2021-44228' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kevEntry).toMatchObject({ cveId: 'CVE-2021-44228', dateAdded: '2021-12-10' });
    expect(body.cvss).toMatchObject({ score: 10, version: '3.1', source: 'CISA-ADP' });
    expect(body.affected[0].versions).toHaveLength(3);
    expect(body.references.length).toBeGreaterThan(10);
    expect(body.record.cveMetadata.cveId).toBe('CVE-2021-44228');
    expect((await service().findKevEntry('CVE-2021-44228'))?.dateAdded).toBe('2021-12-10');
    const missing = await api()({ method: 'GET', url: '/api/v1/catalog/cves/CVE-1999-99999' });
    expect(missing.statusCode).toBe(404);
    const bad = await api()({ method: 'GET', url: '/api/v1/catalog/cves/log4shell' });
    expect(bad.statusCode).toBe(400);
  });

  it('imports records over the API, all or nothing', async () => {
    const base = readJson(log4shell);
    const one = { ...base, cveMetadata: { ...base.cveMetadata, cveId: 'CVE-2099-1000' } };
    const single = await api()({ method: 'POST', url: '/api/v1/catalog/cves', payload: one });
    expect(single.json()).toMatchObject({ read: 1, inserted: 1 });
    const good = { ...base, cveMetadata: { ...base.cveMetadata, cveId: 'CVE-2099-1001' } };
    const broken = { ...base, cveMetadata: { ...base.cveMetadata, cveId: 'not-an-id' } };
    const res = await api()({ method: 'POST', url: '/api/v1/catalog/cves', payload: [good, broken] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'catalog.not_cve_record' });
    expect(res.json().errors).toEqual([{ pointer: '/1/cveMetadata/cveId', detail: expect.any(String) }]);
    expect((await api()({ method: 'GET', url: '/api/v1/catalog/cves/CVE-2099-1001' })).statusCode).toBe(404);
    const notRecord = await api()({ method: 'POST', url: '/api/v1/catalog/cves', payload: { hello: 'world' } });
    expect(notRecord.statusCode).toBe(400);
    const notJson = await api()({
      method: 'POST',
      url: '/api/v1/catalog/cves',
      payload: '{ nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toContain('application/problem+json');
  });

  it('only operator admins import: a partner gets 403 (audited), anonymous 401; partners read', async () => {
    const denied = await as(
      ctx.app,
      partner,
    )({ method: 'POST', url: '/api/v1/catalog/kev', payload: readJson(kevPrevious) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('catalog.import_forbidden');
    const audit = await api()({ method: 'GET', url: '/api/v1/audit?action=access.denied&limit=1' });
    expect(audit.json().items[0].summary).toMatchObject({ attempted: 'catalog.kev_import' });
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/v1/catalog/cves' });
    expect(anonymous.statusCode).toBe(401);
    const read = await as(ctx.app, partner)({ method: 'GET', url: '/api/v1/catalog/kev?limit=1' });
    expect(read.statusCode).toBe(200);
  });
});
