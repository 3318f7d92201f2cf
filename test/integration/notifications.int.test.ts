import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { jobs, notifications } from '../../src/db/schema/index.ts';
import { createWorker } from '../../src/jobs/index.ts';
import type { NotificationInput, NotificationRow } from '../../src/modules/notifications/index.ts';
import { systemPrincipal } from '../../src/shared/principal.ts';
import { type Actor, as, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/** A local SMTP server that keeps what it is sent, or refuses it while `refusing` is set. */
interface Received {
  from: string;
  to: string[];
  raw: string;
}
const received: Received[] = [];
let refusing = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (refusing) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});

let ctx: TestContext;
let admin: Actor;
let partnerAdmin: Actor;
let partnerReporter: Actor;
let other: Actor;
let partnerOrgId: string;
let otherOrgId: string;

const service = () => ctx.container.modules.notifications.service;
const notify = (input: NotificationInput, context = ctx) =>
  context.container.database.db.transaction((tx) => context.container.modules.notifications.service.notify(tx, input));
const runJobs = (context = ctx) =>
  createWorker({
    queue: context.container.jobs,
    handlers: context.container.modules.notifications.jobs.handlers,
    clock: context.clock,
  }).runOnce();
const emailJobs = (id: string, context = ctx) =>
  context.container.database.db
    .select()
    .from(jobs)
    .where(eq(jobs.dedupeKey, `notifications.email:${id}`));
const find = async (id: string): Promise<NotificationRow> => {
  const [row] = await ctx.container.database.db.select().from(notifications).where(eq(notifications.id, id));
  if (!row) throw new Error(`notification ${id} is gone`);
  return row;
};
/** The message's headers with folded lines joined. */
const headers = (raw: string) => raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
const list = (actor: Actor, query = '') => as(ctx.app, actor)({ method: 'GET', url: `/api/v1/notifications${query}` });
const unread = async (actor: Actor) =>
  (await as(ctx.app, actor)({ method: 'GET', url: '/api/v1/notifications/unread-count' })).json().count as number;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await createTestContext({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'CERT threatshare <noreply@cert.example>',
      PUBLIC_URL: 'https://threatshare.example/',
    },
  });
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
  partnerOrgId = (
    await createOrg(ctx.app, admin, 'partner', {
      contacts: [
        { name: 'SOC', email: 'soc@partner.example' },
        { name: 'CISO', email: 'ciso@partner.example', role: 'CISO' },
      ],
    })
  ).id;
  partnerAdmin = await createUser(ctx.app, admin, partnerOrgId, 'admin');
  partnerReporter = await createUser(ctx.app, admin, partnerOrgId, 'reporter');
  const disabled = await createUser(ctx.app, admin, partnerOrgId, 'admin');
  const res = await as(ctx.app, admin)({ method: 'POST', url: `/api/v1/users/${disabled.userId}/disable` });
  expect(res.statusCode).toBe(200);
  otherOrgId = (await createOrg(ctx.app, admin, 'partner')).id;
  other = await createUser(ctx.app, admin, otherOrgId, 'admin');
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('notifications: e-mail', () => {
  it('e-mails the organisation’s contacts and active admins through the job, once', async () => {
    const row = await notify({
      orgId: partnerOrgId,
      kind: 'sanction.imposed',
      title: 'Your partner status changed to warned',
      body: 'A warning was issued for late reporting.',
      link: '/programme',
      subjectType: 'organisation',
      subjectId: partnerOrgId,
    });
    expect(row).toMatchObject({ emailStatus: 'pending', readAt: null, emailedAt: null });
    const [job] = await emailJobs(row.id);
    expect(job).toMatchObject({ kind: 'notifications.email', payload: { id: row.id } });

    expect(await runJobs()).toBe(1);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe('noreply@cert.example');
    expect(mail.to).toEqual(['soc@partner.example', 'ciso@partner.example', partnerAdmin.email]);
    expect(headers(mail.raw)).toMatch(/^Subject: Your partner status changed to warned\r?$/m);
    expect(headers(mail.raw)).toMatch(/^From: CERT threatshare <noreply@cert\.example>\r?$/m);
    expect(headers(mail.raw)).toContain(`To: soc@partner.example, ciso@partner.example, ${partnerAdmin.email}`);
    expect(mail.raw).toContain('A warning was issued for late reporting.');
    expect(mail.raw).toContain('https://threatshare.example/programme');
    const sent = await find(row.id);
    expect(sent).toMatchObject({ emailStatus: 'sent', emailedAt: ctx.clock.now() });

    // Run again (a worker died after sending, say): the notification is not sent twice.
    expect(await service().sendEmail(row.id)).toBe('sent');
    expect(received).toHaveLength(1);
  });

  it('skips the e-mail of an organisation with nobody to write to', async () => {
    const lonely = (await createOrg(ctx.app, admin, 'member')).id;
    const row = await notify({ orgId: lonely, kind: 'test.lonely', title: 'Nobody home', body: 'x' });
    expect(await runJobs()).toBe(1);
    expect(await find(row.id)).toMatchObject({ emailStatus: 'skipped', emailedAt: null });
    expect(received.map((m) => m.raw).join()).not.toContain('Nobody home');
  });

  it('retries an e-mail the server refuses, and marks it failed after the last attempt', async () => {
    refusing = true;
    try {
      const row = await notify({ orgId: otherOrgId, kind: 'test.refused', title: 'Refused', body: 'x' });
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await runJobs()).toBe(1);
        const [job] = await emailJobs(row.id);
        expect(job).toMatchObject({ attempts: attempt, lastError: expect.stringContaining('mailbox unavailable') });
        expect((await find(row.id)).emailStatus).toBe(attempt < 5 ? 'pending' : 'failed');
        ctx.clock.advance(2 * 3_600_000);
      }
      const [job] = await emailJobs(row.id);
      expect(job?.failedAt).not.toBeNull();
      const audit = await as(ctx.app, admin)({ method: 'GET', url: '/api/v1/audit?action=notification.email_failed' });
      expect(audit.json().items).toEqual([
        expect.objectContaining({ subjectId: row.id, summary: expect.objectContaining({ recipients: 1 }) }),
      ]);
    } finally {
      refusing = false;
    }
  });

  it('addresses notifyOperator to the operator organisation', async () => {
    const row = await ctx.container.database.db.transaction((tx) =>
      service().notifyOperator(tx, { kind: 'review.requested', title: 'A partner asks for a review', body: 'x' }),
    );
    expect(row?.orgId).toBe(admin.orgId);
    expect(row?.emailStatus).toBe('pending');
    await runJobs();
    expect(received.at(-1)).toMatchObject({ to: [admin.email] });
  });
});

describe('notifications: API', () => {
  let mine: NotificationRow;
  let theirs: NotificationRow;

  beforeAll(async () => {
    mine = await notify({ orgId: partnerOrgId, kind: 'test.mine', title: 'Mine', body: 'for the partner' });
    theirs = await notify({ orgId: otherOrgId, kind: 'test.theirs', title: 'Theirs', body: 'for the other' });
  });

  it('lists only the organisation’s own notifications, newest first', async () => {
    ctx.clock.advance(1000);
    const newer = await notify({ orgId: partnerOrgId, kind: 'test.newer', title: 'Newer', body: 'x' });
    const res = await list(partnerReporter);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { id: string; orgId: string; emailStatus: string }[]; total: number };
    expect(page.items.every((n) => n.orgId === partnerOrgId)).toBe(true);
    expect(page.items[0]?.id).toBe(newer.id);
    expect(page.items.map((n) => n.id)).toContain(mine.id);
    expect(page.items.map((n) => n.id)).not.toContain(theirs.id);
    expect(page.total).toBe(page.items.length);
    expect((await list(other)).json().items.map((n: { id: string }) => n.id)).toContain(theirs.id);
    expect((await list(admin)).json().items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
  });

  it('counts unread, marks one read and then all read', async () => {
    const before = await unread(partnerReporter);
    expect(before).toBeGreaterThanOrEqual(2);
    const res = await as(ctx.app, partnerReporter)({ method: 'POST', url: `/api/v1/notifications/${mine.id}/read` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: mine.id,
      readAt: ctx.clock.now().toISOString(),
      readByLabel: partnerReporter.email,
    });
    expect(await unread(partnerReporter)).toBe(before - 1);
    const unreadOnly = (await list(partnerReporter, '?unread=true')).json().items as { id: string }[];
    expect(unreadOnly.map((n) => n.id)).not.toContain(mine.id);
    expect(unreadOnly).toHaveLength(before - 1);

    // Marking it again changes nothing.
    ctx.clock.advance(60_000);
    const again = await as(ctx.app, partnerAdmin)({ method: 'POST', url: `/api/v1/notifications/${mine.id}/read` });
    expect(again.json()).toMatchObject({ readAt: res.json().readAt, readByLabel: partnerReporter.email });

    const all = await as(ctx.app, partnerAdmin)({ method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ marked: before - 1 });
    expect(await unread(partnerReporter)).toBe(0);
    expect(await unread(other)).toBeGreaterThan(0);
  });

  it('hides another organisation’s notification: 404 problem+json, and it stays unread', async () => {
    const res = await as(ctx.app, partnerReporter)({ method: 'POST', url: `/api/v1/notifications/${theirs.id}/read` });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'notification.not_found' });
    expect((await find(theirs.id)).readAt).toBeNull();
    const operator = await as(ctx.app, admin)({ method: 'POST', url: `/api/v1/notifications/${theirs.id}/read` });
    expect(operator.statusCode).toBe(404);
  });

  it('shows a principal without an organisation nothing', async () => {
    const system = systemPrincipal();
    expect(await service().list(system, { limit: 50, offset: 0 })).toEqual({ items: [], total: 0 });
    expect(await service().unreadCount(system)).toBe(0);
    expect(await service().markAllRead(system)).toBe(0);
    await expect(service().markRead(system, theirs.id)).rejects.toMatchObject({ code: 'notification.not_found' });
  });

  it('rejects bad input and requests without credentials', async () => {
    for (const query of ['?limit=0', '?limit=201', '?unread=maybe', '?colour=red']) {
      const res = await list(partnerReporter, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const badId = await as(ctx.app, partnerReporter)({ method: 'POST', url: '/api/v1/notifications/nope/read' });
    expect(badId.statusCode).toBe(400);
    for (const [method, url] of [
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/notifications/unread-count'],
      ['POST', `/api/v1/notifications/${mine.id}/read`],
      ['POST', '/api/v1/notifications/read-all'],
    ] as const) {
      const res = await ctx.app.inject({ method, url });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('notifications without SMTP_URL', () => {
  let plain: TestContext;
  beforeAll(async () => {
    plain = await createTestContext();
  });
  afterAll(() => plain?.close());

  it('are recorded with e-mail skipped and no job', async () => {
    const operator = await plain.container.database.db.transaction((tx) =>
      plain.container.modules.notifications.service.notifyOperator(tx, { kind: 'test.plain', title: 'T', body: 'B' }),
    );
    expect(operator?.emailStatus).toBe('skipped');
    expect(await emailJobs(operator!.id, plain)).toEqual([]);
    expect(await runJobs(plain)).toBe(0);
  });
});

describe('SMTP configuration', () => {
  it('rejects an SMTP_URL that is not smtp:// or smtps://, naming it', () => {
    for (const bad of ['http://mail.example', 'mail.example:25', 'smtp://']) {
      expect(() => loadConfig({ SMTP_URL: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ SMTP_URL: bad }), bad).toThrow(/SMTP_URL/);
    }
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example:465' }).SMTP_URL).toBe(
      'smtps://user:secret@mail.example:465',
    );
    expect(loadConfig({}).SMTP_FROM).toBe('threatshare <noreply@localhost>');
  });
});
