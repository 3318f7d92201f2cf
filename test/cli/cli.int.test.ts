import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { type CliWorld, createCliWorld, expectOneLineError } from '../helpers/cli.ts';

let world: CliWorld;
let dataDir: string;
let databaseUrl: string | undefined;
const cli: CliWorld['cli'] = (args, options) => world.cli(args, options);
const json = <T = Record<string, unknown>>(args: string[], options?: { input?: string }) =>
  world.json<T>(args, options);

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 1 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  world = await createCliWorld();
  dataDir = world.dataDir;
  databaseUrl = world.databaseUrl;
});

afterAll(() => world.close());

describe('threatshare CLI', () => {
  let partnerId: string;
  let adminId: string;
  let viewerId: string;
  let tokenId: string;
  let entriesAtStart: number;

  it('migrates a fresh database, and again without harm', async () => {
    const first = await cli(['migrate']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^migrations applied/);
    expect(await json(['migrate'])).toMatchObject({ ok: true });
  }, 120_000);

  it('verifies the audit log of a fresh database', async () => {
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(0);
    const match = /^OK: (\d+) entries, 0 checkpoints verified$/m.exec(run.stdout);
    expect(match).not.toBeNull();
    entriesAtStart = Number(match![1]);
  });

  it('creates, lists and shows organisations', async () => {
    const partner = await json([
      ...['org', 'create', '--name', 'Example Cloud GmbH', '--kind', 'partner', '--country', 'DE'],
      ...['--sector', 'cloud', '--contact', 'Jane Doe <psirt@example.com>', '--contact', 'Ops <ops@example.com>'],
    ]);
    expect(partner).toMatchObject({
      name: 'Example Cloud GmbH',
      kind: 'partner',
      country: 'DE',
      partnerStatus: 'active',
      contacts: [
        { name: 'Jane Doe', email: 'psirt@example.com' },
        { name: 'Ops', email: 'ops@example.com' },
      ],
    });
    partnerId = partner.id as string;
    const member = await cli(['org', 'create', '--name', 'Member Bank', '--kind', 'member']);
    expect(member.code).toBe(0);
    expect(member.stdout).toMatch(/created organisation Member Bank \(.+\), member/);

    const partners = await json<{ items: { id: string }[]; total: number }>(['org', 'list', '--kind', 'partner']);
    expect(partners).toMatchObject({ items: [{ id: partnerId }], total: 1 });

    const shown = await json(['org', 'show', partnerId]);
    expect(shown).toMatchObject({ id: partnerId, statusHistory: [{ fromStatus: null, toStatus: 'active' }] });
    expect((shown.statusHistory as { changedByLabel: string }[])[0]!.changedByLabel).toMatch(/^cli:/);
    const text = await cli(['org', 'show', partnerId]);
    expect(text.stdout).toMatch(/^name: +Example Cloud GmbH$/m);
    expect(text.stdout).toContain('status history:');
  });

  it('creates users: a password the platform picks is printed once', async () => {
    const run = await cli([
      ...['user', 'create', '--org', partnerId, '--email', 'Ana@Example.com', '--name', 'Ana Admin'],
      ...['--role', 'admin'],
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created user ana@example.com');
    const password = /initial password[^:]*: (\S+)$/m.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(run.stdout.split(password!)).toHaveLength(2);

    const viewer = await json<{ user: { email: string; role: string }; initialPassword?: string }>(
      [
        ...['user', 'create', '--org', partnerId, '--email', 'vic@example.com', '--name', 'Vic Viewer'],
        ...['--role', 'viewer', '--password-stdin'],
      ],
      { input: 'correct horse battery staple\n' },
    );
    expect(viewer.user).toMatchObject({ email: 'vic@example.com', role: 'viewer' });
    expect(viewer.initialPassword).toBeUndefined();

    const users = await json<{ items: { id: string; email: string }[]; total: number }>([
      ...['user', 'list', '--org', partnerId],
    ]);
    expect(users.items.map((u) => u.email)).toEqual(['ana@example.com', 'vic@example.com']);
    adminId = users.items[0]!.id;
    viewerId = users.items[1]!.id;
  });

  it('issues, lists and revokes API tokens', async () => {
    const created = await json<{ token: { id: string; scopes: string[]; userId: string }; secret: string }>([
      ...['token', 'create', '--user', 'ana@example.com', '--name', 'SIEM import', '--scopes', 'read,write'],
      ...['--expires-in-days', '30'],
    ]);
    expect(created.secret).toMatch(/^tsk_/);
    expect(created.token).toMatchObject({ scopes: ['read', 'write'], userId: adminId });
    tokenId = created.token.id;

    const revoked = await cli(['token', 'revoke', tokenId]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`revoked token SIEM import (${tokenId}`);
    const active = await json<{ items: unknown[] }>(['token', 'list']);
    expect(active.items).toEqual([]);
    const all = await cli(['token', 'list', '--org', partnerId, '--include-revoked']);
    expect(all.stdout).toMatch(
      new RegExp(`^${tokenId} +SIEM import +tsk_\\S+ +Ana Admin +read,write .* revoked$`, 'm'),
    );
    expect(all.stdout).not.toContain(created.secret);

    const again = expectOneLineError(await cli(['token', 'revoke', tokenId]));
    expect(again).toContain('revoked already');
    const tooMuch = expectOneLineError(
      await cli(['token', 'create', '--user', 'vic@example.com', '--name', 'x', '--scopes', 'read,write']),
    );
    expect(tooMuch).toContain('A viewer cannot grant the write scope (/scopes: allowed for a viewer: read)');
  });

  it('audits the changes: verify counts more entries, tail shows the latest oldest-first', async () => {
    const verify = await cli(['audit', 'verify']);
    expect(verify.code).toBe(0);
    const count = Number(/^OK: (\d+) entries/m.exec(verify.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(entriesAtStart + 6);

    const tail = await json<{ seq: number; action: string; actor: { label: string } }[]>(['audit', 'tail', '-n', '3']);
    expect(tail.map((e) => e.seq)).toEqual([count - 2, count - 1, count]);
    expect(tail.at(-1)).toMatchObject({ action: 'token.revoked', actor: { label: expect.stringMatching(/^cli:/) } });
    const text = await cli(['audit', 'tail']);
    expect(text.stdout.split('\n')[0]).toMatch(/^SEQ +TIME +ACTOR +ACTION +SUBJECT$/);
    expect(text.stdout).toMatch(/org\.created +organisation:/);
  });

  it('rotates the data keys of every tier, or one', async () => {
    const all = await json<{ keys: { tier: string; retired: string | null; active: string }[] }>(['keys', 'rotate']);
    expect(all.keys.map((k) => k.tier)).toEqual(['general', 'important', 'core']);
    for (const key of all.keys) {
      expect(key.retired).toMatch(new RegExp(`^${key.tier}-`));
      expect(key.active).not.toBe(key.retired);
    }
    const core = await cli(['keys', 'rotate', '--tier', 'core']);
    expect(core.code).toBe(0);
    const coreKey = all.keys.find((k) => k.tier === 'core')!;
    expect(core.stdout).toMatch(new RegExp(`^core +${coreKey.active} +core-\\S+$`, 'm'));
  });

  it('signs a checkpoint, which verify then checks', async () => {
    const cp = await json<{ seq: number; hash: string; keyId: string }>(['audit', 'checkpoint']);
    expect(cp.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cp.keyId).not.toBe('');
    const verify = await cli(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: \d+ entries, 1 checkpoints verified$/m);
  });

  it('disables a user, but never the last admin of an organisation', async () => {
    const disabled = await json(['user', 'disable', viewerId]);
    expect(disabled).toMatchObject({ email: 'vic@example.com', disabled: true });
    const lastAdmin = expectOneLineError(await cli(['user', 'disable', adminId]));
    expect(lastAdmin).toContain('ana@example.com is the last active admin of Example Cloud GmbH');
  });

  it('refuses bad input with one line on stderr and exit code 2', async () => {
    // Only `missing` opens the database; the others are refused before, so they may run side by side.
    const [role, missing, notUuid, days, config, unknown, country] = await Promise.all([
      cli(['user', 'create', '--org', partnerId, '--email', 'x@example.com', '--name', 'X', '--role', 'boss']),
      cli(['org', 'show', '00000000-0000-4000-8000-000000000000']),
      cli(['org', 'show', 'not-an-id']),
      cli([
        'token',
        'create',
        '--user',
        'vic@example.com',
        '--name',
        'x',
        '--scopes',
        'read',
        '--expires-in-days',
        'x',
      ]),
      cli(['org', 'list'], { env: { PORT: 'abc' } }),
      cli(['frobnicate']),
      cli(['org', 'create', '--name', 'Bad', '--kind', 'member', '--country', 'Germany']),
    ]);
    expect(expectOneLineError(role)).toMatch(/--role.*'boss'.*admin, analyst, reporter, viewer/);
    expect(expectOneLineError(missing)).toBe(
      'threatshare: Organisation 00000000-0000-4000-8000-000000000000 not found',
    );
    expect(expectOneLineError(notUuid)).toContain('must be a UUID');
    expect(expectOneLineError(days)).toContain('--expires-in-days');
    expect(expectOneLineError(config)).toMatch(/^threatshare: invalid configuration: PORT: /);
    expect(expectOneLineError(unknown)).toContain("unknown command 'frobnicate'");
    expect(expectOneLineError(country)).toMatch(/\(\/country: must match pattern/);
  });

  it('prints help for every command group and exits 0', async () => {
    const groups = [[], ['serve'], ['migrate'], ['org'], ['user'], ['token'], ['audit'], ['keys']];
    const runs = await Promise.all([
      ...groups.map((g) => cli([...g, '--help'])),
      cli(['org', 'create', '--help'], { bin: true }),
      cli(['--version'], { bin: true }),
    ]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    expect(runs[0]!.stdout).toMatch(/Usage: threatshare/);
    expect(runs[5]!.stdout).toMatch(/create \[options\]/);
    expect(runs.at(-2)!.stdout).toContain('--contact <contact>');
    expect(runs.at(-1)!.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('finds a tampered audit entry: exit 1 naming the entry', async () => {
    await withDatabase((database) => database.db.execute(sql`UPDATE audit_log SET summary = '{"x":1}' WHERE seq = 2`));
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^BROKEN at entry 2: entry 2 was altered after it was written$/m);
    expect(run.stdout).toMatch(/^CHECKPOINT FAILED at entry \d+/m);
    const asJson = await cli(['audit', 'verify', '--json']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'hash_mismatch' } });
  });
});
