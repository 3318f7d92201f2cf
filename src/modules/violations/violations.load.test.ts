import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/config.ts';
import { builtinRules } from './violations.builtin.ts';
import { checkRules, checkRulesFile, loadRules } from './violations.load.ts';

const good = {
  id: 'late-report',
  name: 'Late report',
  severity: 'major',
  description: 'A report more than two days late.',
  when: { kind: 'obligation', statuses: ['late', 'missed'], minLateness: 'P2D', regimes: ['cn-2021'] },
};
const count = {
  id: 'five-late',
  name: 'Five late',
  severity: 'minor',
  description: '',
  when: { kind: 'count', statuses: ['late'], atLeast: 5, within: 'P1M' },
};

describe('violation rules files', () => {
  it('accepts a valid file', () => {
    expect(checkRules({ rules: [good, count] }, { regimeIds: ['cn-2021'] })).toEqual({
      rules: [good, count],
      sanctions: { minor: { measure: 'warning' }, major: { measure: 'suspension', period: 'P6M' } },
      problems: [],
    });
  });

  it('takes the sanction policy from the file over the defaults', () => {
    const { sanctions, problems } = checkRules({
      rules: [{ ...good, sanction: { measure: 'revocation' } }],
      sanctions: { major: { measure: 'suspension', period: 'P3M' } },
    });
    expect(problems).toEqual([]);
    expect(sanctions).toEqual({ minor: { measure: 'warning' }, major: { measure: 'suspension', period: 'P3M' } });
  });

  it('refuses sanction measures that cannot work', () => {
    const { rules, problems } = checkRules({
      rules: [
        { ...good, sanction: { measure: 'suspension' } },
        { ...count, id: 'c2', sanction: { measure: 'warning', period: 'P1M' } },
        { ...count, id: 'c3', sanction: { measure: 'suspension', period: 'P20Y' } },
      ],
      sanctions: { major: { measure: 'suspension', period: 'PT1H' }, minor: { measure: 'fine' }, severe: {} },
    });
    expect(rules).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: '/sanctions/severe', detail: 'is not a known property' },
        expect.objectContaining({ pointer: '/sanctions/minor/measure' }),
        { pointer: '/sanctions/major/period', detail: "'PT1H' is shorter than a day" },
        { pointer: '/rules/0/sanction/period', detail: 'a suspension needs a period, e.g. P6M' },
        { pointer: '/rules/1/sanction/period', detail: 'a warning has no period' },
        { pointer: '/rules/2/sanction/period', detail: "'P20Y' is longer than ten years" },
      ]),
    );
  });

  it('lists every unknown field, bad value and missing property at once', () => {
    const { rules, problems } = checkRules({
      rules: [
        { ...good, colour: 'red', when: { ...good.when, extra: 1, statuses: ['pending'] } },
        { ...count, severity: 'catastrophic', when: { kind: 'count', statuses: ['late'], within: 'P1D' } },
        { ...good, when: { kind: 'sometimes' } },
      ],
      comment: 'no',
    });
    expect(rules).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: '/comment', detail: 'is not a known property' },
        { pointer: '/rules/0/colour', detail: 'is not a known property' },
        { pointer: '/rules/0/when/extra', detail: 'is not a known property' },
        { pointer: '/rules/0/when/statuses/0', detail: 'must be equal to one of the allowed values (late, missed)' },
        { pointer: '/rules/1/severity', detail: 'must be equal to one of the allowed values (minor, major)' },
        { pointer: '/rules/1/when', detail: "must have required property 'atLeast'" },
        { pointer: '/rules/2/when/kind', detail: "must be 'obligation' or 'count'" },
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('refuses impossible periods, thresholds and duplicate ids, each with its pointer', () => {
    const at = (when: Record<string, unknown>, id = 'r') => ({ ...good, id, when: { ...good.when, ...when } });
    const { problems } = checkRules(
      {
        rules: [
          at({ minLateness: 'PT0S' }, 'a'),
          at({ minLateness: '24 hours' }, 'b'),
          at({ minLateness: 'PT24H', minLatenessSeconds: 60 }, 'c'),
          at({ minLateness: undefined, minLatenessSeconds: -5 }, 'd'),
          { ...count, when: { ...count.when, within: 'P0D' } },
          { ...count, id: 'e', when: { ...count.when, within: '-P90D' } },
          { ...count, id: 'f', when: { ...count.when, atLeast: 0 } },
          at({ regimes: ['no-such-regime'] }, 'a'),
        ],
      },
      { regimeIds: ['cn-2021'] },
    );
    expect(problems).toEqual([
      { pointer: '/rules/3/when/minLatenessSeconds', detail: 'must be >= 1' },
      { pointer: '/rules/6/when/atLeast', detail: 'must be >= 1' },
      { pointer: '/rules/0/when/minLateness', detail: "'PT0S' is shorter than a second" },
      { pointer: '/rules/1/when/minLateness', detail: "'24 hours' is not an ISO 8601 duration such as PT24H or P90D" },
      { pointer: '/rules/4/when/within', detail: "'P0D' is shorter than a second" },
      { pointer: '/rules/5/when/within', detail: "'-P90D' is not an ISO 8601 duration such as PT24H or P90D" },
      { pointer: '/rules/2/when/minLatenessSeconds', detail: 'give minLateness or minLatenessSeconds, not both' },
      { pointer: '/rules/7/id', detail: "'a' is defined twice" },
      { pointer: '/rules/7/when/regimes/0', detail: "'no-such-regime' is not a configured regime" },
    ]);
  });

  it('uses the built-ins without a file; a file replaces them; an invalid file is a configuration error', () => {
    expect(loadRules(undefined)).toEqual(builtinRules);
    expect(checkRules({ rules: builtinRules.map(({ builtIn: _, ...r }) => r) }).problems).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'threatshare-rules-'));
    try {
      writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ rules: [count] }));
      expect(loadRules(path.join(dir, 'good.json')).map((r) => r.id)).toEqual(['five-late']);
      writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ rules: [{ ...count, when: { within: 'P0D' } }] }));
      expect(() => loadRules(path.join(dir, 'bad.json'))).toThrow(ConfigError);
      expect(() => loadRules(path.join(dir, 'missing.json'))).toThrow(/cannot read/);
      writeFileSync(path.join(dir, 'garbage.json'), '{ not json');
      expect(checkRulesFile(path.join(dir, 'garbage.json')).problems).toEqual([
        { pointer: '/', detail: expect.stringMatching(/^cannot read .*garbage.json: /) },
      ]);
      expect(checkRules(null).problems).toEqual([{ pointer: '/', detail: 'must be object' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
