import { readFileSync } from 'node:fs';
import type { Config } from './config/config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { createJobQueue } from './jobs/index.ts';
import { createAuditModule } from './modules/audit/index.ts';
import { createCatalogModule } from './modules/catalog/index.ts';
import { createKeysModule, loadOrCreateMasterKey, loadOrCreateSigningKey } from './modules/keys/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { createOrganisationsModule } from './modules/organisations/index.ts';
import { createRegimesModule } from './modules/regimes/index.ts';
import { createReportsModule } from './modules/reports/index.ts';
import { createSanctionsModule, PROPOSE_JOB } from './modules/sanctions/index.ts';
import { createScorecardsModule } from './modules/scorecards/index.ts';
import { createSessionsModule } from './modules/sessions/index.ts';
import { createSystemModule } from './modules/system/index.ts';
import { createTokensModule } from './modules/tokens/index.ts';
import { createUsersModule } from './modules/users/index.ts';
import { createViolationsModule } from './modules/violations/index.ts';
import { type Clock, systemClock } from './shared/clock.ts';
import { createSigner } from './shared/signer.ts';

export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface ContainerOptions {
  clock?: Clock;
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
}

/** The composition root: one call per module, dependencies passed explicitly. */
export async function createContainer(config: Config, options: ContainerOptions = {}) {
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      onConnectionError: (error) => process.emitWarning(`a database connection was lost: ${error.message}`),
    }));
  const { db } = database;
  const signer = await createSigner(loadOrCreateSigningKey(config.SIGNING_KEY_FILE).pem);
  const { key: masterKey } = loadOrCreateMasterKey(config.MASTER_KEY_FILE);

  const audit = createAuditModule({ db, clock, signer });
  const keys = createKeysModule({ db, clock, masterKey, signer, audit: audit.service });
  const organisations = createOrganisationsModule({ db, clock, audit: audit.service });
  const users = createUsersModule({ db, clock, audit: audit.service, organisations: organisations.service });
  const sessions = createSessionsModule({
    db,
    clock,
    audit: audit.service,
    users: users.service,
    ttlHours: config.SESSION_TTL_HOURS,
    signInMaxPerMinute: config.SIGN_IN_MAX_PER_MINUTE,
    secureCookies: config.PUBLIC_URL.startsWith('https://'),
  });
  const tokens = createTokensModule({ db, clock, audit: audit.service });
  const jobs = createJobQueue({ db, clock });
  const notifications = createNotificationsModule({
    db,
    clock,
    audit: audit.service,
    jobs,
    smtpUrl: config.SMTP_URL,
    smtpFrom: config.SMTP_FROM,
    publicUrl: config.PUBLIC_URL,
  });
  const regimes = createRegimesModule({
    db,
    clock,
    audit: audit.service,
    organisations: organisations.service,
    regimesFile: config.REGIMES_FILE,
    jobs,
  });
  const catalog = createCatalogModule({ db, clock, audit: audit.service });
  const reports = createReportsModule({
    db,
    clock,
    audit: audit.service,
    signer,
    keys: keys.service,
    obligations: regimes.service,
    kev: catalog.service,
    notifications: notifications.service,
    findOrg: (id) => organisations.service.findOrganisation(id),
    findUser: (id) => users.service.findUser(id),
  });
  const scorecards = createScorecardsModule({ db, clock, audit: audit.service, organisations: organisations.service });
  const violations = createViolationsModule({
    db,
    clock,
    audit: audit.service,
    rulesFile: config.VIOLATION_RULES_FILE,
    regimeIds: regimes.service.listRegimes().map((r) => r.id),
    // The policy proposes a sanction for each violation, in a job committed with the violations.
    afterOpen: async (tx, opened) => {
      await jobs.enqueue(tx, PROPOSE_JOB, { violationIds: opened.map((v) => v.id) });
    },
  });
  const sanctions = createSanctionsModule({
    db,
    clock,
    audit: audit.service,
    organisations: organisations.service,
    violations: violations.service,
    notifications: notifications.service,
    keys: keys.service,
    fourEyes: config.SANCTIONS_FOUR_EYES,
  });
  const system = createSystemModule({
    database,
    organisations: organisations.service,
    users: users.service,
    operatorName: config.OPERATOR_NAME,
    adminEmail: config.ADMIN_EMAIL,
    version,
  });

  return {
    config,
    clock,
    database,
    signer,
    jobs,
    modules: {
      audit,
      keys,
      organisations,
      users,
      sessions,
      tokens,
      system,
      catalog,
      regimes,
      reports,
      scorecards,
      violations,
      notifications,
      sanctions,
    },
    /** Runs pending migrations and loads the data keys: call once before serving. */
    async prepare() {
      await database.migrate();
      await keys.service.ensureDataKeys();
    },
    close: () => database.close(),
  };
}

export type Container = Awaited<ReturnType<typeof createContainer>>;
