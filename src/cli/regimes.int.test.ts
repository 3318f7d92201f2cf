import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The regimes commands as a user runs them, on the embedded database in a fresh data directory.
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const base: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', ...env };
    for (const key of ['DATABASE_URL', 'THREATSHARE_CONFIG']) delete base[key];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env: base });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const partnerRegime = {
  id: 'partner-agreement',
  name: 'Partner agreement',
  legalBasis: 'Partner agreement §4.2',
  appliesTo: { severityAtLeast: 'critical', thirdPartyComponent: true },
  obligations: [{ key: 'report', title: 'Report within 2 days', stage: 'initial', trigger: 'awareAt', period: 'P2D' }],
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'threatshare-cli-regimes-'));
  writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ regimes: [partnerRegime] }));
  writeFileSync(
    path.join(dir, 'bad.json'),
    JSON.stringify({
      regimes: [
        { ...partnerRegime, id: 'cn-2021' },
        { ...partnerRegime, obligations: [{}] },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('threatshare regimes', () => {
  it('check: 0 for a valid file, 2 and every problem for an invalid one', async () => {
    const good = await cli(['regimes', 'check', path.join(dir, 'good.json')]);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toContain('partner-agreement');
    const bad = await cli(['regimes', 'check', path.join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('/regimes/1/obligations/0: must have required property');
    const missing = await cli(['regimes', 'check', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
  });

  it('list: the built-ins and the configured regimes', async () => {
    const run = await cli(['regimes', 'list', '--json'], { REGIMES_FILE: path.join(dir, 'good.json') });
    expect(run.code).toBe(0);
    const ids = (JSON.parse(run.stdout) as { items: { id: string }[] }).items.map((r) => r.id);
    expect(ids).toEqual(['cn-2021', 'eu-cra-art14', 'cve-cna', 'partner-agreement']);
    const bad = await cli(['regimes', 'list'], { REGIMES_FILE: path.join(dir, 'bad.json') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^threatshare: invalid configuration: REGIMES_FILE/);
  });

  it('assign and unassign an organisation', async () => {
    const created = await cli(['org', 'create', '--name', 'Example Cloud', '--kind', 'partner', '--json']);
    const org = JSON.parse(created.stdout) as { id: string };
    expect((await cli(['regimes', 'assign', org.id, 'cn-2021'])).code).toBe(0);
    const twice = await cli(['regimes', 'assign', org.id, 'cn-2021']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already assigned');
    expect((await cli(['regimes', 'unassign', org.id, 'cn-2021'])).code).toBe(0);
    expect((await cli(['regimes', 'assign', org.id, 'no-such'])).code).toBe(2);
  });
});
