import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/client.ts';
import { type Actor, as, bearer, createOrg, createUser, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { assignRegimes, log4shellReport, submitReport } from '../../helpers/reports.ts';

let ctx: TestContext;
let admin: Actor;
let partner: Actor;
let reportId: string;
const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  const org = await createOrg(ctx.app, admin, 'partner');
  await assignRegimes(ctx.app, admin, org.id, ['cn-2021']);
  partner = await createUser(ctx.app, admin, org.id, 'reporter');
  reportId = (await submitReport(ctx.app, partner, log4shellReport())).report.id;
});
afterAll(() => ctx.close());

/** Rows that a refused request must not have added. */
async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    ctx.container.database.db,
    sql`select (select count(*)::int from reports) as reports, (select count(*)::int from report_submissions) as submissions,
               (select count(*)::int from attachments) as attachments, (select count(*)::int from report_transitions) as transitions`,
  );
  return row;
}

const submit = (body: Record<string, unknown>) =>
  as(ctx.app, partner)({ method: 'POST', url: '/api/v1/reports', payload: body });

describe('a report with bad content is refused with the problem named, and nothing is written', () => {
  it.each([
    [
      'an invalid CVSS vector names the bad metric',
      { cvssV31: 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      '/cvssV31',
      /AV has invalid value 'X'/,
    ],
    [
      'a CVSS vector missing a metric',
      { cvssV40: 'CVSS:4.0/AV:N/AC:L/AT:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      '/cvssV40',
      /missing mandatory metric PR/,
    ],
    [
      'an invalid purl',
      {
        products: [
          {
            vendor: 'Acme',
            product: 'Widget',
            model: 'W1',
            purl: 'pkg:maven/widget@1.0',
            versions: [{ scheme: 'semver', version: '1.0.0' }],
          },
        ],
      },
      '/products/0/purl',
      /namespace/,
    ],
    [
      'an invalid CPE',
      {
        products: [
          {
            vendor: 'Acme',
            product: 'Widget',
            model: 'W1',
            cpe: 'cpe:2.3:x:acme:widget:1.0:*:*:*:*:*:*:*',
            versions: [{ scheme: 'semver', version: '1.0.0' }],
          },
        ],
      },
      '/products/0/cpe',
      /part has invalid value 'x'/,
    ],
    [
      'a CWE id not in the catalogue',
      { cwes: ['CWE-79', 'CWE-99999'] },
      '/cwes/1',
      /CWE-99999 is not in the CWE catalogue/,
    ],
    [
      'a version range that cannot be ordered',
      {
        products: [
          {
            vendor: 'Acme',
            product: 'Widget',
            model: 'W1',
            versions: [{ scheme: 'semver', introduced: '2.15.0', fixed: '2.0.0' }],
          },
        ],
      },
      '/products/0/versions/0',
      /introduced 2\.15\.0 is not before fixed 2\.0\.0/,
    ],
    [
      'a range in a scheme that cannot be ordered',
      {
        products: [
          {
            vendor: 'Acme',
            product: 'Widget',
            model: 'W1',
            versions: [{ scheme: 'git', introduced: 'abc', fixed: 'def' }],
          },
        ],
      },
      '/products/0/versions/0',
      /cannot order versions in scheme 'git'/,
    ],
  ])('%s', async (_what, change, pointer, detail) => {
    const before = await counts();
    const res = await submit(log4shellReport(change));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const error = (res.json().errors as { pointer: string; detail: string }[]).find((e) =>
      e.pointer.startsWith(pointer),
    );
    expect(error?.detail).toMatch(detail);
    expect(await counts()).toEqual(before);
  });

  it('a stage missing the fields its regime requires: 422 listing them', async () => {
    const before = await counts();
    const { technicalDetails: _t, impact: _i, ...rest } = log4shellReport();
    const res = await submit({ ...rest, products: [{ vendor: 'Acme', product: 'Widget', versions: [] }] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'report.missing_fields' });
    const pointers = (res.json().errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/technicalDetails', '/impact', '/products/0/model', '/products/0/versions']),
    );
    expect(await counts()).toEqual(before);
  });

  it('an illegal workflow transition: 409', async () => {
    const before = await counts();
    const res = await as(
      ctx.app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/transitions`,
      payload: { to: 'published', reason: 'skip ahead' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'report.illegal_transition' });
    expect(res.json().detail).toContain('allowed: triaged, rejected, duplicate');
    expect(await counts()).toEqual(before);
  });

  it('an attachment that is too large or of a forbidden type', async () => {
    const before = await counts();
    const attach = (filename: string, mediaType: string, content: Buffer) =>
      as(
        ctx.app,
        partner,
      )({
        method: 'POST',
        url: `/api/v1/reports/${reportId}/attachments`,
        payload: { filename, mediaType, contentBase64: content.toString('base64') },
      });
    const exe = await attach('poc.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00 this is a PE header'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().detail).toMatch(/executables are not accepted/);
    const disguised = await attach(
      'poc.txt',
      'text/plain',
      Buffer.concat([Buffer.from('7f454c46', 'hex'), Buffer.alloc(16)]),
    );
    expect(disguised.json().detail).toMatch(/executables are not accepted/);
    const wrongType = await attach('notes.docx', 'application/msword', Buffer.from('hello'));
    expect(wrongType.json()).toMatchObject({ status: 400, errors: [{ pointer: '/mediaType' }] });
    const lying = await attach('image.png', 'image/png', Buffer.from('not a png'));
    expect(lying.json().detail).toMatch(/not PNG as declared/);
    const huge = await attach('big.txt', 'text/plain', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    expect(huge.statusCode).toBe(400);
    expect(huge.json().detail).toMatch(/at most 10485760 are accepted/);
    expect(await counts()).toEqual(before);
  });

  it('an upload that is not valid JSON, not a CVE record or not CSAF', async () => {
    const before = await counts();
    const upload = (payload: unknown) =>
      as(
        ctx.app,
        partner,
      )({ method: 'POST', url: '/api/v1/reports/import', payload: payload as Record<string, unknown> });
    const broken = await as(
      ctx.app,
      partner,
    )({
      method: 'POST',
      url: '/api/v1/reports/import',
      headers: { 'content-type': 'application/json' },
      payload: '{"format":"cve5","document":{',
    });
    expect(broken.json()).toMatchObject({ status: 400, code: 'request.malformed_json' });
    const notCve = await upload({ format: 'cve5', document: { hello: 'world' } });
    expect(notCve.json()).toMatchObject({ status: 400, code: 'report.import_not_cve5' });
    const csafAsCve = JSON.parse(readFileSync(path.join(fixtures, 'csaf/redhat/rhsa-2024_4546.json'), 'utf8'));
    expect((await upload({ format: 'cve5', document: csafAsCve })).json().code).toBe('report.import_not_cve5');
    const cveAsCsaf = JSON.parse(
      readFileSync(path.join(fixtures, 'cve/osv.dev-cvelistV5-snapshot/cves/2021/44xxx/CVE-2021-44228.json'), 'utf8'),
    );
    const notCsaf = await upload({ format: 'csaf', document: cveAsCsaf });
    expect(notCsaf.json()).toMatchObject({ status: 400, code: 'report.import_not_csaf' });
    expect(notCsaf.json().detail).toMatch(/csaf_version/);
    expect(await counts()).toEqual(before);
  });
});

describe('uploads that are the format', () => {
  it('a CVE JSON 5 record becomes a report with the CVE id, products, CWEs and CVSS', async () => {
    const record = JSON.parse(
      readFileSync(path.join(fixtures, 'cve/osv.dev-cvelistV5-snapshot/cves/2021/44xxx/CVE-2021-44228.json'), 'utf8'),
    );
    const org = await createOrg(ctx.app, admin, 'researcher');
    const researcher = await createUser(ctx.app, admin, org.id, 'reporter');
    const res = await as(
      ctx.app,
      researcher,
    )({
      method: 'POST',
      url: '/api/v1/reports/import',
      payload: { format: 'cve5', document: record, tlp: 'GREEN' },
    });
    expect(res.statusCode).toBe(201);
    const [item] = res.json().items;
    expect(item.report.content).toMatchObject({ cveId: 'CVE-2021-44228', tlp: 'GREEN' });
    expect(item.report.content.cwes.length).toBeGreaterThan(0);
    // Log4Shell's ranges use versionType "custom": kept word for word, out of the structured versions.
    expect(item.report.content.technicalDetails).toContain('Affected versions as published');
    expect(item.report.content.technicalDetails).toContain('introduced 2.0-beta9');
    expect(item.report.source).toBe('cve5');
    expect(item.submission.receipt.split('.')).toHaveLength(3);
  });

  it('a CSAF 2.0 advisory becomes one report per vulnerability', async () => {
    const doc = JSON.parse(readFileSync(path.join(fixtures, 'csaf/redhat/rhsa-2024_4546.json'), 'utf8'));
    const org = await createOrg(ctx.app, admin, 'member');
    const member = await createUser(ctx.app, admin, org.id, 'reporter');
    const res = await as(
      ctx.app,
      member,
    )({ method: 'POST', url: '/api/v1/reports/import', payload: { format: 'csaf', document: doc } });
    expect(res.statusCode).toBe(201);
    expect(res.json().items.length).toBe(doc.vulnerabilities.length);
    expect(res.json().items[0].report.source).toBe('csaf');
  });

  it('records where a report came from: the web form (a session) or a program (an API token)', async () => {
    const viaForm = await submitReport(ctx.app, partner, log4shellReport({ cveId: undefined }));
    const shown = await as(ctx.app, partner)({ method: 'GET', url: `/api/v1/reports/${viaForm.report.id}` });
    expect(shown.json().source).toBe('form');
    const issued = await as(
      ctx.app,
      partner,
    )({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'ci', scopes: ['read', 'write'], expiresInDays: 1 } });
    expect(issued.statusCode, issued.body).toBe(201);
    const viaToken = await as(
      ctx.app,
      bearer(issued.json().secret),
    )({
      method: 'POST',
      url: '/api/v1/reports',
      payload: log4shellReport({ cveId: undefined, title: 'Submitted by a script through an API token' }),
    });
    expect(viaToken.statusCode, viaToken.body).toBe(201);
    expect(viaToken.json().report.source).toBe('api');
  });
});
