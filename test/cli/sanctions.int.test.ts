import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliWorld, createCliWorld, expectOneLineError } from '../helpers/cli.ts';

/** `threatshare sanction` and `threatshare review` as a user runs them: real processes, the real clock. */
let world: CliWorld;
let orgId: string;
const MONTH_MS = 28 * 86_400_000;

type Sanction = { id: string; status: string; startsAt: string | null; endsAt: string | null; [k: string]: unknown };

beforeAll(async () => {
  world = await createCliWorld();
  // The operator receives the notices of proposals and reviews (`serve` creates it on its first start).
  expect((await world.cli(['org', 'create', '--name', 'Operator', '--kind', 'operator'])).code).toBe(0);
  orgId = (await world.json<{ id: string }>(['org', 'create', '--name', 'Example Cloud', '--kind', 'partner'])).id;
}, 120_000);
afterAll(() => world.close());

describe('threatshare sanction and review', () => {
  let sanctionId: string;

  it('proposes, decides and shows a sanction; the partner is suspended', async () => {
    const proposed = await world.json<Sanction>([
      ...['sanction', 'propose', '--org', orgId, '--measure', 'suspension', '--period', 'P6M'],
      ...['--reason', 'Reported a critical vulnerability 13 days late', '--legal-basis', 'Partner agreement §8'],
    ]);
    expect(proposed).toMatchObject({ orgId, status: 'proposed', source: 'manager', measure: 'suspension' });
    expect(proposed.proposedByLabel).toMatch(/^cli:/);
    sanctionId = proposed.id;

    const decided = await world.cli(['sanction', 'decide', sanctionId, '--decision', 'confirm']);
    expect(decided.stderr).toBe('');
    expect(decided.code).toBe(0);
    expect(decided.stdout).toBe(`decided suspension (P6M) ${sanctionId}: in_force\n`);

    const shown = await world.json<Sanction>(['sanction', 'show', sanctionId]);
    expect(shown).toMatchObject({ id: sanctionId, status: 'in_force', decision: 'confirm', fourEyes: false });
    const months = (Date.parse(shown.endsAt!) - Date.parse(shown.startsAt!)) / MONTH_MS;
    expect(months).toBeGreaterThan(6);
    expect(months).toBeLessThan(6.6);
    const text = await world.cli(['sanction', 'show', sanctionId]);
    expect(text.stdout).toMatch(/^status: +in_force$/m);
    expect(text.stdout).toMatch(/^legal basis: +Partner agreement §8$/m);

    const org = await world.json<{ partnerStatus: string; partnerStatusUntil: string }>(['org', 'show', orgId]);
    expect(org).toMatchObject({ partnerStatus: 'suspended', partnerStatusUntil: shown.endsAt });
    const listed = await world.json<{ items: Sanction[]; total: number }>(['sanction', 'list', '--org', orgId]);
    expect(listed).toMatchObject({ total: 1, items: [{ id: sanctionId }] });
  });

  it('refuses a proposal without --reason: exit 2, one line', async () => {
    const run = await world.cli(['sanction', 'propose', '--org', orgId, '--measure', 'warning']);
    expect(expectOneLineError(run)).toMatch(/--reason/);
    expect(run.stdout).toBe('');
  });

  it('refuses an unknown measure: exit 2, one line naming the choices', async () => {
    const run = await world.cli(['sanction', 'propose', '--org', orgId, '--measure', 'fine', '--reason', 'x']);
    expect(expectOneLineError(run)).toMatch(/'fine' is invalid.*warning, suspension, revocation/);
  });

  it('refuses what the service refuses as one line: a blank reason, a change without one, a second decision', async () => {
    const blank = await world.cli(['sanction', 'propose', '--org', orgId, '--measure', 'warning', '--reason', ' ']);
    expect(expectOneLineError(blank)).toBe('threatshare: A sanction needs a reason (/reason: is required)');
    const change = await world.cli(['sanction', 'decide', sanctionId, '--decision', 'change', '--period', 'P3M']);
    expect(expectOneLineError(change)).toBe('threatshare: Changing a sanction needs a reason (/reason: is required)');
    const again = await world.cli(['sanction', 'decide', sanctionId, '--decision', 'confirm']);
    expect(expectOneLineError(again)).toBe('threatshare: The sanction is in_force; only a proposal is decided');
    const list = await world.json<{ total: number }>(['sanction', 'list', '--org', orgId]);
    expect(list.total).toBe(1);
  });

  it('sweeps: the ended suspension gets its review, which is decided from the command line', async () => {
    const other = (await world.json<{ id: string }>(['org', 'create', '--name', 'Short Ltd', '--kind', 'partner'])).id;
    const proposed = await world.json<Sanction>([
      ...['sanction', 'propose', '--org', other, '--measure', 'suspension', '--period', 'P1M', '--reason', 'Late'],
    ]);
    // A short suspension: it ends seconds from now (time enough to start the process), so the sweep finds it due.
    const endsAt = new Date(Date.now() + 10_000).toISOString();
    const decided = await world.json<Sanction>([
      ...['sanction', 'decide', proposed.id, '--decision', 'change', '--reason', 'Short', '--ends-at', endsAt],
    ]);
    expect(decided).toMatchObject({ status: 'in_force', endsAt });
    while (Date.now() < Date.parse(endsAt)) await new Promise((resolve) => setTimeout(resolve, 100));

    const sweep = await world.cli(['sanction', 'sweep']);
    expect(sweep.stderr).toBe('');
    expect(sweep.stdout).toBe('proposed 0 sanction(s), started 0, opened 1 review(s)\n');
    const reviews = await world.json<{ items: { id: string; sanctionId: string; status: string }[] }>([
      ...['review', 'list', '--org', other],
    ]);
    expect(reviews.items).toEqual([
      expect.objectContaining({ sanctionId: proposed.id, status: 'awaiting_rectification' }),
    ]);
    const reviewId = reviews.items[0]!.id;

    const missing = await world.cli(['review', 'decide', reviewId, '--decision', 'reinstate']);
    expect(expectOneLineError(missing)).toMatch(/--reason/);
    const decision = await world.json<{ status: string; decision: string }>([
      ...['review', 'decide', reviewId, '--decision', 'reinstate', '--reason', 'Rectified'],
    ]);
    expect(decision).toMatchObject({ status: 'decided', decision: 'reinstate' });
    const review = await world.json<{ sanction: Sanction }>(['review', 'show', reviewId]);
    expect(review.sanction).toMatchObject({ id: proposed.id, status: 'completed', outcome: 'reinstated' });
    const text = await world.cli(['review', 'show', reviewId]);
    expect(text.stdout).toMatch(/^decision: +reinstate by cli:/m);
    const org = await world.json<{ partnerStatus: string }>(['org', 'show', other]);
    expect(org.partnerStatus).toBe('active');
  });
});
