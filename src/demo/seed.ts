import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Container } from '../container.ts';
import { userPrincipal } from '../modules/sessions/index.ts';
import type { Clock } from '../shared/clock.ts';
import { conflict } from '../shared/errors.ts';
import { systemPrincipal } from '../shared/principal.ts';
import { demoRepository } from './demo.repository.ts';
import { type DemoEvent, reportEvents, type WorldIds } from './seed.reports.ts';
import { sanctionEvents } from './seed.sanctions.ts';
import { demoReports } from './world.reports.ts';
import { log4shellSanctions } from './world.sanctions.ts';
import { DEMO_PASSWORD, demoAccounts, demoOrgs, resolveAt, statusHistory, WORLD_START } from './world.ts';

/** Bump when the world changes shape; a data directory seeded by an older version is kept as it is. */
export const DEMO_WORLD_VERSION = 2;

/** The real public data the world uses, kept in the repository as test fixtures (with their licence notes). */
export const defaultFixturesDir = fileURLToPath(new URL('../../test/fixtures', import.meta.url));

export interface SeedOptions {
  /** Where kev/known_exploited_vulnerabilities.json and cve/ are. */
  fixturesDir?: string;
  /** "Now" for the few events that happen relative to seeding; the real time by default. */
  now?: Date;
  /** Progress lines for a person watching. */
  log?: (line: string) => void;
}

export interface SeedResult {
  /** False when the database already held the demo world: nothing was changed. */
  seeded: boolean;
  orgIds: Record<string, string>;
  reportIds: Record<string, string>;
}

type SettableClock = Clock & { set(to: Date | string): void };

/**
 * Plays the demo world (src/demo/world*.ts) into the container's database through the real services, with the
 * container's clock set to each event's time. Idempotent: a marker in `settings` says the world is there.
 * Refuses a database that holds anything else, so it can never mix sample data into real data.
 */
export async function seedDemoWorld(
  container: Container,
  clock: SettableClock,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const { db } = container.database;
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  if (await demoRepository.findMarker(db)) return { seeded: false, orgIds: {}, reportIds: {} };
  if (container.modules.sanctions.service.fourEyes()) {
    // One operator manager plays the world's decisions; a second approver would be needed for each.
    throw conflict('demo.four_eyes', 'The demo world is seeded with SANCTIONS_FOUR_EYES off');
  }
  const existing = await container.modules.organisations.service.findOperator();
  if (existing) {
    throw conflict(
      'demo.not_empty',
      `This database already holds an operator (${existing.name}) but not the demo world: ` +
        'the demo only seeds an empty database (use another --data-dir, or --reset for the demo one)',
    );
  }
  const ids: WorldIds = { orgs: new Map(), users: new Map(), reports: new Map() };

  clock.set(WORLD_START);
  log('demo: organisations, accounts and reporting regimes');
  await createOrgsAndUsers(container, ids);
  await importPublicData(container, options.fixturesDir ?? defaultFixturesDir, log);

  log('demo: reports, coordination, sanctions and partner status history');
  const events = [
    ...statusEvents(container, ids, now),
    ...demoReports.flatMap((r) => reportEvents(container, r, ids, now)),
    ...sanctionEvents(container, log4shellSanctions, ids, now),
  ];
  // Stable: events at the same time keep their order in the world.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of events) {
    clock.set(event.at);
    try {
      await event.run();
    } catch (error) {
      throw new Error(`demo world: ${event.what} at ${event.at.toISOString()} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  clock.set(now);
  await demoRepository.insertMarker(db, { version: DEMO_WORLD_VERSION, seededAt: now.toISOString() }, now);
  return { seeded: true, orgIds: Object.fromEntries(ids.orgs), reportIds: Object.fromEntries(ids.reports) };
}

async function createOrgsAndUsers(container: Container, ids: WorldIds): Promise<void> {
  const { organisations, users, regimes } = container.modules;
  const actor = systemPrincipal('demo');
  for (const org of demoOrgs) {
    const { key, regimes: regimeIds, ...input } = org;
    const row = await organisations.service.createOrganisation(actor, input);
    ids.orgs.set(key, row.id);
    for (const regimeId of regimeIds) await regimes.service.assignRegime(actor, row.id, regimeId);
  }
  for (const account of demoAccounts) {
    const { user } = await users.service.createUser(actor, {
      orgId: ids.orgs.get(account.org)!,
      email: account.email,
      name: account.name,
      role: account.role,
      password: DEMO_PASSWORD,
    });
    ids.users.set(account.email, { id: user.id, principal: userPrincipal(user, user.orgKind) });
  }
}

async function importPublicData(container: Container, fixturesDir: string, log: (line: string) => void) {
  const kevFile = path.join(fixturesDir, 'kev', 'known_exploited_vulnerabilities.json');
  const cveDir = path.join(fixturesDir, 'cve');
  if (!existsSync(kevFile) || !existsSync(cveDir)) {
    throw new Error(`demo world: the public CVE/KEV sample data is missing (expected ${kevFile} and ${cveDir})`);
  }
  const { catalog } = container.modules;
  const actor = systemPrincipal('demo');
  const kev = await catalog.service.importKev(actor, kevFile);
  log(`demo: KEV catalog ${kev.catalogVersion}, ${kev.read} entries`);
  const cves = await catalog.service.importCveRecords(actor, cveDir);
  log(`demo: ${cves.read} CVE records read, ${cves.failed.length} failed`);
}

function statusEvents(container: Container, ids: WorldIds, now: Date): DemoEvent[] {
  const { organisations } = container.modules;
  return statusHistory.map(({ at, org, by, ...change }) => ({
    at: resolveAt(at, now),
    what: `${org}: partner status ${change.status}`,
    run: async () => {
      const actor = ids.users.get(by)!.principal;
      await organisations.service.changePartnerStatus(actor, ids.orgs.get(org)!, change);
    },
  }));
}
