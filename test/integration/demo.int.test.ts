import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { type Container, createContainer } from '../../src/container.ts';
import { type SeedResult, seedDemoWorld } from '../../src/demo/seed.ts';
import { DEMO_PASSWORD, demoAccounts } from '../../src/demo/world.ts';
import { verifyReceipt } from '../../src/modules/reports/index.ts';
import { createFixedClock } from '../../src/shared/clock.ts';
import { systemPrincipal } from '../../src/shared/principal.ts';
import { openTestDatabase } from '../helpers/database.ts';

/** The demo world, seeded into a fresh database through the real services (PGlite, or TEST_DATABASE_URL). */
const DAY = 86_400;
const NOW = new Date('2026-11-20T12:00:00.000Z');
const system = systemPrincipal('test');
const statuses = [
  'received',
  'triaged',
  'confirmed',
  'rejected',
  'duplicate',
  'coordinating',
  'fix_available',
  'published',
  'closed',
];

async function openContainer(dataDir: string) {
  const clock = createFixedClock(NOW);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const container = await createContainer(config, { clock, database: await openTestDatabase() });
  await container.prepare();
  return { container, clock };
}

const allReports = (container: Container) =>
  container.modules.reports.service.listReports(
    system,
    {},
    { limit: 200, offset: 0, sort: 'receivedAt', order: 'asc' },
  );

let dataDir: string;
let container: Container;
let clock: ReturnType<typeof createFixedClock>;
let seeded: SeedResult;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'threatshare-demo-test-'));
  ({ container, clock } = await openContainer(dataDir));
  seeded = await seedDemoWorld(container, clock, { now: NOW });
}, 120_000);
afterAll(async () => {
  await container?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo world', () => {
  it('has reports in every status, a duplicate pointing at its original', async () => {
    expect(seeded.seeded).toBe(true);
    const { items } = await allReports(container);
    expect(new Set(items.map((r) => r.status))).toEqual(new Set(statuses));
    const duplicate = items.find((r) => r.id === seeded.reportIds['log4shell-bank']);
    expect(duplicate).toMatchObject({ status: 'duplicate', duplicateOf: seeded.reportIds.log4shell });
    // Received a few hours before "now": the demo has something new to triage.
    const fresh = items.find((r) => r.status === 'received');
    expect(fresh?.receivedAt).toEqual(new Date(NOW.getTime() - 3 * 3_600_000));
    const obligations = await container.modules.reports.service.listObligations(system, fresh!.id);
    const notification = obligations.find((o) => o.obligationKey === 'notification');
    // Aware 20 hours before "now": the CRA 72-hour notification is due in 52 hours.
    expect(notification).toMatchObject({ status: 'pending', dueAt: new Date(NOW.getTime() + 52 * 3_600_000) });
  });

  it('plays the acceptance scenario: CN late by 13 days, the CRA obligations of an exploited flaw', async () => {
    const id = seeded.reportIds.log4shell!;
    const obligations = await container.modules.reports.service.listObligations(system, id);
    const cn = obligations.find((o) => o.regimeId === 'cn-2021');
    expect(cn).toMatchObject({
      status: 'late',
      dueAt: new Date('2021-11-26T10:00:00.000Z'),
      metAt: new Date('2021-12-09T10:00:00.000Z'),
      latenessSeconds: 13 * DAY,
    });
    const cra = Object.fromEntries(
      obligations.filter((o) => o.regimeId === 'eu-cra-art14').map((o) => [o.obligationKey, o]),
    );
    expect(cra['early-warning']).toMatchObject({ status: 'late', latenessSeconds: 14 * DAY });
    expect(cra.notification).toMatchObject({ status: 'late', latenessSeconds: 12 * DAY });
    expect(cra['final-report']).toMatchObject({ status: 'met', dueAt: new Date('2021-12-24T00:00:00.000Z') });
  });

  it('proves when each stage was submitted: every receipt verifies against the signing key and the content', async () => {
    const id = seeded.reportIds.log4shell!;
    const reports = container.modules.reports.service;
    const submissions = await reports.listSubmissions(system, id);
    expect(submissions.map((s) => [s.stage, s.receivedAt.toISOString()])).toEqual([
      ['initial', '2021-12-09T10:00:00.000Z'],
      ['final_report', '2021-12-15T10:05:00.000Z'],
    ]);
    const jwks = container.signer.jwks() as JSONWebKeySet;
    for (const s of submissions) {
      const { content } = await reports.getSubmission(system, id, s.id);
      const check = await verifyReceipt(s.receipt, jwks, content);
      expect(check).toMatchObject({
        valid: true,
        contentMatches: true,
        payload: { reportId: id, stage: s.stage, receivedAt: s.receivedAt.toISOString() },
      });
    }
  });

  it('has the partner status history of the late reporter, and coordination with a vendor', async () => {
    const { organisations, reports } = container.modules;
    const history = await organisations.service.listStatusHistory(system, seeded.orgIds.cloud!);
    expect(history.map((h) => [h.toStatus, h.changedAt.toISOString()]).reverse()).toEqual([
      ['active', '2021-11-01T08:00:00.000Z'],
      ['warned', '2021-12-20T09:00:00.000Z'],
      ['suspended', '2021-12-22T09:00:00.000Z'],
      ['under_review', '2022-06-22T09:00:00.000Z'],
      ['active', '2022-06-24T09:00:00.000Z'],
    ]);
    const vendors = await reports.service.listVendors(system, seeded.reportIds['northwind-webui']!);
    expect(vendors).toMatchObject([{ orgId: seeded.orgIds.network, statements: [{ status: 'known_affected' }] }]);
    const comments = await reports.service.listComments(system, seeded.reportIds.log4shell!);
    expect(comments.length).toBeGreaterThanOrEqual(3);
  });

  it('plays the sanction that followed: violations, a warning, the suspension, its review, reinstatement', async () => {
    const { violations, sanctions } = container.modules;
    const orgId = seeded.orgIds.cloud!;
    const opened = (await violations.service.listViolations(system, { orgId, limit: 50, offset: 0 })).items;
    expect(opened.map((v) => [v.ruleId, v.severity, v.status]).sort()).toEqual([
      ['late-serious-report', 'major', 'closed'],
      ['late-serious-report', 'major', 'closed'],
      ['late-serious-report', 'major', 'closed'],
      ['repeated-late-reporting', 'minor', 'closed'],
    ]);
    const all = (await sanctions.service.listSanctions(system, { orgId, limit: 50, offset: 0 })).items;
    expect(all.map((s) => [s.measure, s.status, s.source]).sort()).toEqual([
      ['suspension', 'completed', 'policy'],
      ['suspension', 'dismissed', 'policy'],
      ['suspension', 'dismissed', 'policy'],
      ['warning', 'in_force', 'policy'],
    ]);
    const suspension = all.find((s) => s.status === 'completed')!;
    expect(suspension).toMatchObject({
      period: 'P6M',
      decision: 'confirm',
      decidedByLabel: 'admin@operator.demo',
      startsAt: new Date('2021-12-22T09:00:00.000Z'),
      endsAt: new Date('2022-06-22T09:00:00.000Z'),
      outcome: 'reinstated',
    });
    const [review] = (await sanctions.service.getSanction(system, suspension.id)).reviews;
    const detail = await sanctions.reviews.getReview(system, review!.id);
    expect(detail).toMatchObject({
      openedAt: new Date('2022-06-22T09:00:00.000Z'),
      status: 'decided',
      decision: 'reinstate',
      decidedAt: new Date('2022-06-24T09:00:00.000Z'),
      rectifications: [
        {
          submittedByLabel: 'admin@cloud.demo',
          submittedAt: new Date('2022-06-23T10:00:00.000Z'),
          attachments: [{ filename: 'rectification-plan.txt', mediaType: 'text/plain' }],
        },
      ],
    });
    const file = await sanctions.reviews.readAttachment(
      system,
      review!.id,
      detail.rectifications[0]!.attachments[0]!.id,
    );
    expect(file.content.toString()).toMatch(/^Nimbus Cloud Services \(DEMO\): rectification plan/);
    const org = await container.modules.organisations.service.getOrganisation(system, orgId);
    expect(org).toMatchObject({ partnerStatus: 'active', partnerStatusUntil: null });

    const story = await container.modules.audit.service.list(
      system,
      { orgId },
      { limit: 500, offset: 0, order: 'asc' },
    );
    const actions = story.items
      .map((e) => (e.action === 'org.status_changed' ? `status:${(e.summary as { to: string }).to}` : e.action))
      .filter((a) => /^(sanction|review)\.|^status:/.test(a));
    expect(actions).toEqual([
      ...['sanction.proposed', 'sanction.proposed', 'sanction.proposed', 'sanction.proposed'],
      ...['sanction.decided', 'status:warned', 'sanction.in_force'],
      ...['sanction.decided', 'status:suspended', 'sanction.in_force', 'sanction.dismissed', 'sanction.dismissed'],
      ...['status:under_review', 'review.opened', 'review.rectification_submitted', 'status:active', 'review.decided'],
    ]);
    expect(await container.modules.audit.service.verify()).toMatchObject({ ok: true });
  });

  it('signs in with the printed demo password, and its audit chain verifies', async () => {
    const user = await container.modules.users.service.checkCredentials(demoAccounts[0]!.email, DEMO_PASSWORD);
    expect(user).toMatchObject({ email: 'admin@operator.demo', role: 'admin', mustChangePassword: false });
    const verify = await container.modules.audit.service.verify();
    expect(verify).toMatchObject({ ok: true });
    expect(verify.count).toBeGreaterThan(50);
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await container.modules.audit.service.verify();
    const again = await seedDemoWorld(container, clock, { now: new Date(NOW.getTime() + DAY * 1000) });
    expect(again.seeded).toBe(false);
    expect((await allReports(container)).total).toBe(Object.keys(seeded.reportIds).length);
    expect(await container.modules.users.service.countUsers(system)).toBe(demoAccounts.length);
    expect((await container.modules.audit.service.verify()).count).toBe(before.count);
  });

  it('refuses a database that holds something other than the demo world', async () => {
    const other = await openContainer(dataDir);
    try {
      await other.container.modules.system.service.bootstrap();
      await expect(seedDemoWorld(other.container, other.clock, { now: NOW })).rejects.toMatchObject({
        code: 'demo.not_empty',
      });
      expect((await allReports(other.container)).total).toBe(0);
    } finally {
      await other.container.close();
    }
  });
});
