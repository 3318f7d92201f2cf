import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/config.ts';
import { createFixedClock } from '../../shared/clock.ts';
import { checkRules, loadProgramme } from './violations.load.ts';
import { defaultSanctionPolicy, type Rule } from './violations.model.ts';
import { createViolationsService } from './violations.service.ts';

/** The sanction policy of the rules file: what the policy proposes for a violation, and what the file may say. */
const rule = (id: string, severity: 'minor' | 'major', sanction?: Record<string, unknown>) => ({
  id,
  name: id,
  severity,
  description: '',
  when: { kind: 'obligation', statuses: ['late'] },
  ...(sanction ? { sanction } : {}),
});

/** measureFor reads only the rules and the policy: no database, no audit. */
const measureFor = (programme: { rules: Rule[]; sanctions: ReturnType<typeof loadProgramme>['sanctions'] }) =>
  createViolationsService({
    db: {} as never,
    audit: {} as never,
    clock: createFixedClock('2026-01-15T09:00:00.000Z'),
    ...programme,
  }).measureFor;

let dir: string;
const file = (name: string, content: unknown) => {
  const at = path.join(dir, name);
  writeFileSync(at, JSON.stringify(content));
  return at;
};
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'threatshare-sanction-policy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sanction policy of the rules file', () => {
  it('proposes, without a file, a warning for a minor violation and six months of suspension for a major one', () => {
    const propose = measureFor(loadProgramme(undefined));
    expect(propose({ ruleId: 'late-serious-report', severity: 'major' })).toEqual({
      measure: 'suspension',
      period: 'P6M',
    });
    expect(propose({ ruleId: 'repeated-late-reporting', severity: 'minor' })).toEqual({ measure: 'warning' });
  });

  it("takes a rule's own measure over its severity's, and the file's per-severity measure over the default", () => {
    const programme = loadProgramme(
      file('policy.json', {
        rules: [rule('missed-report', 'major', { measure: 'revocation' }), rule('late-report', 'major')],
        sanctions: { minor: { measure: 'suspension', period: 'P1M' } },
      }),
    );
    expect(programme.sanctions).toEqual({
      minor: { measure: 'suspension', period: 'P1M' },
      major: defaultSanctionPolicy.major,
    });
    const propose = measureFor(programme);
    expect(propose({ ruleId: 'missed-report', severity: 'major' })).toEqual({ measure: 'revocation' });
    expect(propose({ ruleId: 'late-report', severity: 'major' })).toEqual({ measure: 'suspension', period: 'P6M' });
    // A violation opened by a rule the file no longer has: its severity decides.
    expect(propose({ ruleId: 'removed-rule', severity: 'minor' })).toEqual({ measure: 'suspension', period: 'P1M' });
  });

  it('refuses a period on a revocation, and a suspension of less than a day, each with its pointer', () => {
    const { problems } = checkRules({
      rules: [rule('r', 'major', { measure: 'revocation', period: 'P1Y' })],
      sanctions: { major: { measure: 'suspension', period: 'PT23H' } },
    });
    expect(problems).toEqual([
      { pointer: '/sanctions/major/period', detail: "'PT23H' is shorter than a day" },
      { pointer: '/rules/0/sanction/period', detail: 'a revocation has no period' },
    ]);
  });

  it('lists a bad sanction even when the same rule has other problems', () => {
    const { problems } = checkRules({
      rules: [{ ...rule('r', 'major', { measure: 'suspension', period: 'six months' }), colour: 'red' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: '/rules/0/colour', detail: 'is not a known property' },
        { pointer: '/rules/0/sanction/period', detail: "'six months' is not an ISO 8601 duration such as P6M" },
      ]),
    );
  });

  it('stops the start on a bad policy, naming the file and the pointer', () => {
    const bad = file('bad.json', { rules: [], sanctions: { minor: { measure: 'fine' } } });
    let thrown: unknown;
    try {
      loadProgramme(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      expect.stringMatching(/^VIOLATION_RULES_FILE .*bad\.json\/sanctions\/minor\/measure: must be equal to one of/),
    ]);
  });
});
