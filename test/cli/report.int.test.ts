import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliWorld, createCliWorld, expectOneLineError } from '../helpers/cli.ts';
import { log4shellReport } from '../helpers/reports.ts';

let world: CliWorld;
let orgId: string;
let file: (name: string, content: unknown) => string;

beforeAll(async () => {
  world = await createCliWorld();
  file = (name, content) => {
    const target = path.join(world.dataDir, name);
    writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
    return target;
  };
  orgId = (await world.json<{ id: string }>(['org', 'create', '--name', 'Example Cloud', '--kind', 'partner'])).id;
}, 120_000);
afterAll(() => world.close());

describe('threatshare report and receipt', () => {
  let receipt: string;
  let content: Record<string, unknown>;

  it('submits a report from a file and prints the signed receipt', async () => {
    content = log4shellReport();
    const result = await world.json<{ ref: string; receipt: string; stage: string }>([
      'report',
      'submit',
      file('report.json', content),
      '--org',
      orgId,
    ]);
    expect(result).toMatchObject({ ref: expect.stringMatching(/^TS-\d{4}-\d{6}$/), stage: 'initial' });
    receipt = result.receipt;
    const list = await world.cli(['report', 'list']);
    expect(list.stdout).toContain(result.ref);
  }, 60_000);

  it('verifies the receipt offline, with and without the content, and refuses altered content', async () => {
    const receiptFile = file('receipt.jws', receipt);
    const ok = await world.cli(['receipt', 'verify', receiptFile, '--content', file('content.json', content)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: receipt for TS-/);
    expect(ok.stdout).toContain('matches the content');
    const altered = await world.cli([
      'receipt',
      'verify',
      receiptFile,
      '--content',
      file('altered.json', { ...content, title: 'Something else' }),
    ]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/^INVALID: the content does not hash to the receipt/);
    const forged = await world.cli(['receipt', 'verify', file('forged.jws', `${receipt.slice(0, -4)}AAAA`)]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/^INVALID: signature does not verify/);
  }, 60_000);

  it('refuses bad input with one line and exit code 2', async () => {
    expectOneLineError(await world.cli(['report', 'submit', file('broken.json', '{"title":'), '--org', orgId]));
    const badCvss = await world.cli([
      'report',
      'submit',
      file('bad.json', log4shellReport({ cvssV31: 'CVSS:3.1/AV:N' })),
      '--org',
      orgId,
    ]);
    expect(expectOneLineError(badCvss)).toMatch(/missing mandatory metric/);
    expectOneLineError(await world.cli(['receipt', 'verify', file('notjws.txt', 'hello')]));
  }, 60_000);
});
