import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signInReady } from '../../helpers/actors.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { log4shellReport, submitReport } from '../../helpers/reports.ts';

let ctx: TestContext;
let admin: Actor;
let analyst: Actor;
let reporter: Actor;
let vendor: Actor;
let outsider: Actor;
let vendorOrgId: string;
let reportId: string;
const SECRET_TITLE = 'Embargoed zero-day in the Frobnicator admin console';

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  analyst = await createUser(ctx.app, admin, admin.orgId, 'analyst');
  reporter = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'partner')).id, 'reporter');
  vendorOrgId = (await createOrg(ctx.app, admin, 'partner')).id;
  vendor = await createUser(ctx.app, admin, vendorOrgId, 'analyst');
  outsider = await createUser(ctx.app, admin, (await createOrg(ctx.app, admin, 'member')).id, 'admin');
  const { report } = await submitReport(
    ctx.app,
    reporter,
    log4shellReport({
      title: SECRET_TITLE,
      tlp: 'RED',
      embargoUntil: '2027-06-01T00:00:00.000Z',
      cveId: 'CVE-2026-10001',
    }),
  );
  reportId = report.id;
});
afterAll(() => ctx.close());

const get = (actor: Actor, url: string) => as(ctx.app, actor)({ method: 'GET', url });
const post = (actor: Actor, url: string, payload: Record<string, unknown>) =>
  as(ctx.app, actor)({ method: 'POST', url, payload });

describe('visibility: TLP:RED and embargoed reports', () => {
  it('never appear to another organisation in any list, search, count or error message', async () => {
    for (const query of ['', '?q=Frobnicator', '?cveId=CVE-2026-10001', '?status=received', '?severity=critical']) {
      const res = await get(outsider, `/api/v1/reports${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 0, items: [] });
    }
    for (const suffix of [
      '',
      '/obligations',
      '/submissions',
      '/comments',
      '/vendors',
      '/attachments',
      '/transitions',
      '/duplicates',
    ]) {
      const res = await get(outsider, `/api/v1/reports/${reportId}${suffix}`);
      expect(res.statusCode, suffix).toBe(404);
      expect(res.body).not.toContain('Frobnicator');
      expect(res.json().detail).toBe(`Report ${reportId} not found`);
    }
    const board = await get(outsider, '/api/v1/obligations');
    expect(board.json().total).toBe(0);
    for (const [url, payload] of [
      ['comments', { body: 'hi' }],
      ['statements', { productIndex: 0, status: 'fixed', statement: 'x' }],
      ['vendors', { orgId: outsider.orgId }],
      ['transitions', { to: 'triaged', reason: 'x' }],
    ] as const) {
      const res = await post(outsider, `/api/v1/reports/${reportId}/${url}`, payload);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Frobnicator');
    }
    const missing = await get(outsider, '/api/v1/reports/00000000-0000-4000-8000-000000000000');
    expect(missing.json().detail).toBe('Report 00000000-0000-4000-8000-000000000000 not found');
  });

  it('are seen by the reporter and the operator', async () => {
    expect((await get(reporter, '/api/v1/reports')).json().total).toBe(1);
    expect((await get(analyst, `/api/v1/reports/${reportId}`)).json()).toMatchObject({
      relation: 'operator',
      content: { title: SECRET_TITLE },
    });
  });
});

describe('triage and coordination', () => {
  it('moves through the workflow with a reason for every step', async () => {
    for (const to of ['triaged', 'confirmed', 'coordinating']) {
      const res = await post(analyst, `/api/v1/reports/${reportId}/transitions`, { to, reason: `analyst: ${to}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe(to);
    }
    const reporterTry = await post(reporter, `/api/v1/reports/${reportId}/transitions`, {
      to: 'closed',
      reason: 'done',
    });
    expect(reporterTry.statusCode).toBe(403);
    const shown = await get(analyst, `/api/v1/reports/${reportId}`);
    expect(shown.json().allowedTransitions).toEqual(['fix_available', 'closed']);
    expect((await get(reporter, `/api/v1/reports/${reportId}`)).json().allowedTransitions).toEqual([]);
    const history = await get(reporter, `/api/v1/reports/${reportId}/transitions`);
    expect((history.json().items as { toStatus: string }[]).map((t) => t.toStatus)).toEqual([
      'received',
      'triaged',
      'confirmed',
      'coordinating',
    ]);
  });

  it('assigns to operator analysts only', async () => {
    const ok = await as(
      ctx.app,
      analyst,
    )({ method: 'PUT', url: `/api/v1/reports/${reportId}/assignee`, payload: { assigneeId: analyst.userId } });
    expect(ok.json().assigneeId).toBe(analyst.userId);
    const bad = await as(
      ctx.app,
      analyst,
    )({ method: 'PUT', url: `/api/v1/reports/${reportId}/assignee`, payload: { assigneeId: vendor.userId } });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ pointer: '/assigneeId' }] });
  });

  it('brings in a vendor, which then sees this report only, without the reporter, and records when it first looked', async () => {
    expect((await get(vendor, '/api/v1/reports')).json().total).toBe(0);
    const added = await post(analyst, `/api/v1/reports/${reportId}/vendors`, { orgId: vendorOrgId });
    expect(added.json()).toEqual({ added: true });
    const list = await get(vendor, '/api/v1/reports');
    expect(list.json().total).toBe(1);
    const seen = await get(vendor, `/api/v1/reports/${reportId}`);
    expect(seen.json()).toMatchObject({ relation: 'vendor', reporter: null, content: { title: SECRET_TITLE } });
    const vendors = await get(analyst, `/api/v1/reports/${reportId}/vendors`);
    expect(vendors.json().items[0]).toMatchObject({ orgId: vendorOrgId, firstSeenAt: ctx.clock.now().toISOString() });
    expect((await get(vendor, `/api/v1/reports/${reportId}/comments`)).statusCode).toBe(404);
    expect((await get(vendor, `/api/v1/reports/${reportId}/submissions`)).json().items).toEqual([]);
    expect((await post(vendor, `/api/v1/reports/${reportId}/comments`, { body: 'can I?' })).statusCode).toBe(403);
  });

  it('takes vendor statements in the CSAF/VEX vocabulary', async () => {
    const noJustification = await post(vendor, `/api/v1/reports/${reportId}/statements`, {
      productIndex: 0,
      status: 'known_not_affected',
      statement: 'We do not ship it',
    });
    expect(noJustification.json()).toMatchObject({ status: 400, errors: [{ pointer: '/justification' }] });
    const unknownProduct = await post(vendor, `/api/v1/reports/${reportId}/statements`, {
      productIndex: 5,
      status: 'fixed',
      statement: 'x',
    });
    expect(unknownProduct.json().errors[0].pointer).toBe('/productIndex');
    const fixed = await post(vendor, `/api/v1/reports/${reportId}/statements`, {
      productIndex: 0,
      status: 'fixed',
      statement: 'Fixed in 2.15.0',
    });
    expect(fixed.statusCode).toBe(201);
    const vendors = await get(reporter, `/api/v1/reports/${reportId}/vendors`);
    expect(vendors.json().items[0].statements).toEqual([
      expect.objectContaining({ status: 'fixed', statement: 'Fixed in 2.15.0' }),
    ]);
  });

  it('keeps a comment thread between operator and reporter, encrypted at rest', async () => {
    await post(analyst, `/api/v1/reports/${reportId}/comments`, { body: 'Can you share the PoC?' });
    await post(reporter, `/api/v1/reports/${reportId}/comments`, { body: 'Attached.' });
    const thread = await get(reporter, `/api/v1/reports/${reportId}/comments`);
    expect((thread.json().items as { body: string }[]).map((c) => c.body)).toEqual([
      'Can you share the PoC?',
      'Attached.',
    ]);
  });

  it('stores attachments encrypted and returns them byte for byte', async () => {
    const poc = Buffer.from('#!/usr/bin/env python3\nprint("proof of concept")\n');
    const res = await post(reporter, `/api/v1/reports/${reportId}/attachments`, {
      filename: 'poc.py',
      mediaType: 'text/plain',
      contentBase64: poc.toString('base64'),
    });
    expect(res.statusCode).toBe(201);
    const file = await get(analyst, `/api/v1/reports/${reportId}/attachments/${res.json().id}`);
    expect(file.rawPayload.equals(poc)).toBe(true);
    expect(file.headers['content-disposition']).toContain('poc.py');
    expect((await get(vendor, `/api/v1/reports/${reportId}/attachments`)).json().items).toEqual([]);
  });

  it('suggests duplicates for the analyst to decide', async () => {
    const second = await submitReport(
      ctx.app,
      vendor,
      log4shellReport({ title: 'Another report', cveId: 'CVE-2026-10001' }),
    );
    const res = await get(analyst, `/api/v1/reports/${second.report.id}/duplicates`);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        report: expect.objectContaining({ id: reportId }),
        reasons: expect.arrayContaining(['same CVE id CVE-2026-10001']),
      }),
    ]);
    const noOriginal = await post(analyst, `/api/v1/reports/${second.report.id}/transitions`, {
      to: 'duplicate',
      reason: 'dup',
    });
    expect(noOriginal.json().errors[0].pointer).toBe('/duplicateOf');
    const marked = await post(analyst, `/api/v1/reports/${second.report.id}/transitions`, {
      to: 'duplicate',
      reason: 'Same flaw as the embargoed report',
      duplicateOf: reportId,
    });
    expect(marked.json().status).toBe('duplicate');
  });

  it('reminds vendors that have not answered, once per interval, whoever runs the job', async () => {
    const quietOrg = await createOrg(ctx.app, admin, 'partner');
    await post(analyst, `/api/v1/reports/${reportId}/vendors`, { orgId: quietOrg.id });
    const { service } = ctx.container.modules.reports;
    ctx.clock.advance(8 * 86_400_000);
    const [a, b] = await Promise.all([
      service.remindSilentVendors(7 * 86_400_000),
      service.remindSilentVendors(7 * 86_400_000),
    ]);
    expect(a + b).toBe(1);
    expect(await service.remindSilentVendors(7 * 86_400_000)).toBe(0);
    ctx.clock.advance(-8 * 86_400_000);
    const vendors = await get(analyst, `/api/v1/reports/${reportId}/vendors`);
    const quiet = (vendors.json().items as { orgId: string; reminders: number }[]).find((v) => v.orgId === quietOrg.id);
    expect(quiet?.reminders).toBe(1);
  });

  it('tells vendors of the request and of reminders, but not a suspended partner of a partner-only report', async () => {
    const toldOrg = await createOrg(ctx.app, admin, 'partner');
    const told = await createUser(ctx.app, admin, toldOrg.id, 'admin');
    const suspendedOrg = await createOrg(ctx.app, admin, 'partner');
    const suspended = await createUser(ctx.app, admin, suspendedOrg.id, 'admin');
    const status = await post(admin, `/api/v1/organisations/${suspendedOrg.id}/status`, {
      status: 'suspended',
      reason: 'Late reporting',
      until: '2026-12-31T00:00:00.000Z',
    });
    expect(status.statusCode, status.body).toBe(200);
    for (const orgId of [toldOrg.id, suspendedOrg.id]) {
      expect((await post(analyst, `/api/v1/reports/${reportId}/vendors`, { orgId })).statusCode).toBeLessThan(300);
    }
    const notices = async (actor: Actor) =>
      ((await get(actor, '/api/v1/notifications')).json().items as { kind: string; link: string; body: string }[])
        .filter((n) => n.kind.startsWith('report.'))
        .map((n) => ({ kind: n.kind, link: n.link }));
    expect(await notices(told)).toEqual([{ kind: 'report.coordination_request', link: `/reports/${reportId}` }]);
    expect(await notices(suspended)).toEqual([]);

    ctx.clock.advance(8 * 86_400_000);
    await ctx.container.modules.reports.service.remindSilentVendors(7 * 86_400_000);
    ctx.clock.advance(-8 * 86_400_000);
    expect(await notices(told)).toEqual([
      { kind: 'report.coordination_reminder', link: `/reports/${reportId}` },
      { kind: 'report.coordination_request', link: `/reports/${reportId}` },
    ]);
    expect(await notices(suspended)).toEqual([]);
    const vendors = (await get(analyst, `/api/v1/reports/${reportId}/vendors`)).json().items as {
      orgId: string;
      reminders: number;
    }[];
    expect(vendors.find((v) => v.orgId === suspendedOrg.id)?.reminders).toBe(0);
    // Nothing in a notice discloses the TLP:RED content.
    expect(JSON.stringify((await get(told, '/api/v1/notifications')).json())).not.toContain('Frobnicator');
  });
});
