import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRules } from './violations.builtin.ts';
import { evaluateRules, type ObligationFact } from './violations.engine.ts';

const DAY = 86_400_000;
const now = new Date('2022-03-01T00:00:00.000Z');
const at = (iso: string) => new Date(iso);

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
function late(orgId: string, dueAt: string, days: number, severity = 'medium'): ObligationFact {
  const due = at(dueAt);
  return {
    id: id(),
    orgId,
    reportId: id(),
    regimeId: 'cn-2021',
    status: 'late',
    dueAt: due,
    metAt: new Date(due.getTime() + days * DAY),
    latenessSeconds: days * 86_400,
    reportSeverity: severity,
  };
}

describe('built-in rules', () => {
  it('a critical report late by 13 days is one major violation keyed by its obligation', () => {
    const o = late('org-a', '2021-11-26T10:00:00.000Z', 13, 'critical');
    expect(evaluateRules(builtinRules, [o], now)).toEqual([
      expect.objectContaining({
        ruleId: 'late-serious-report',
        orgId: 'org-a',
        severity: 'major',
        dedupeKey: `rule:late-serious-report:obligation:${o.id}`,
        obligationIds: [o.id],
        summary: expect.stringContaining('late by 13 days'),
      }),
    ]);
  });

  it('late by exactly 24 hours is not "more than 24 hours"; one second more is', () => {
    const exactly = { ...late('org-a', '2021-11-26T10:00:00.000Z', 1, 'high') };
    const more = { ...exactly, id: id(), latenessSeconds: 86_401 };
    expect(evaluateRules(builtinRules, [exactly, more], now).map((v) => v.obligationIds)).toEqual([[more.id]]);
  });

  it('a missed obligation counts once it is more than 24 hours overdue as of now', () => {
    const missed: ObligationFact = {
      ...late('org-a', '2022-02-27T00:00:00.000Z', 0, 'critical'),
      status: 'missed',
      metAt: null,
      latenessSeconds: 60,
    };
    expect(evaluateRules(builtinRules, [missed], at('2022-02-27T23:00:00.000Z'))).toEqual([]);
    expect(evaluateRules(builtinRules, [missed], now)).toHaveLength(1);
  });

  it('medium or unknown severity reports are not major violations', () => {
    expect(
      evaluateRules(builtinRules.slice(0, 1), [late('o', '2021-11-26T10:00:00.000Z', 13, 'unknown')], now),
    ).toEqual([]);
  });

  it('three late obligations falling due within 90 days are one minor violation; two or a wider spread are none', () => {
    const three = [
      late('org-b', '2021-10-01T00:00:00.000Z', 2),
      late('org-b', '2021-11-01T00:00:00.000Z', 2),
      late('org-b', '2021-12-29T00:00:00.000Z', 2),
    ];
    const found = evaluateRules(builtinRules, three, now);
    expect(found).toEqual([
      expect.objectContaining({
        ruleId: 'repeated-late-reporting',
        severity: 'minor',
        obligationIds: three.map((o) => o.id).sort(),
      }),
    ]);
    expect(evaluateRules(builtinRules, three.slice(0, 2), now)).toEqual([]);
    const spread = [three[0]!, three[1]!, late('org-b', '2022-01-01T00:00:00.000Z', 2)];
    expect(evaluateRules(builtinRules, spread, now)).toEqual([]);
    // already counted by a violation of this rule: not counted again
    const counted = three.map((o) => ({ ...o, countedBy: ['repeated-late-reporting'] }));
    expect(evaluateRules(builtinRules, counted, now)).toEqual([]);
  });
});

const orgs = ['org-1', 'org-2', 'org-3'];
const factArb = fc.record({
  id: fc.uuid(),
  orgId: fc.constantFrom(...orgs),
  reportId: fc.uuid(),
  regimeId: fc.constantFrom('cn-2021', 'eu-cra-art14'),
  status: fc.constantFrom('late', 'missed'),
  dueAt: fc.date({ min: at('2021-01-01T00:00:00Z'), max: at('2022-02-01T00:00:00Z'), noInvalidDate: true }),
  metAt: fc.constant(null),
  latenessSeconds: fc.integer({ min: 1, max: 40 * 86_400 }),
  reportSeverity: fc.constantFrom('none', 'low', 'medium', 'high', 'critical', 'unknown'),
});
const factsArb = fc.uniqueArray(factArb, { selector: (f) => f.id, maxLength: 40 });
const keys = (facts: ObligationFact[]) => evaluateRules(builtinRules, facts, now).map((v) => v.dedupeKey);

describe('properties', () => {
  it('is deterministic: evaluating twice (in any input order) yields the same dedupe keys', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(keys(facts)).toEqual(keys(facts));
        expect(new Set(keys([...facts].reverse()))).toEqual(new Set(keys(facts)));
      }),
    );
  });

  it('never opens two violations with one key, and every violation names obligations of its own organisation', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const found = evaluateRules(builtinRules, facts, now);
        expect(new Set(found.map((v) => v.dedupeKey)).size).toBe(found.length);
        const orgOf = new Map(facts.map((f) => [f.id, f.orgId]));
        for (const v of found) for (const o of v.obligationIds) expect(orgOf.get(o)).toBe(v.orgId);
      }),
    );
  });

  it("adding another organisation's obligations, or pending and met ones, changes no existing key", () => {
    fc.assert(
      fc.property(factsArb, factsArb, (facts, extra) => {
        const mine = facts.filter((f) => f.orgId !== 'org-3');
        const unrelated = extra.map((f, i) =>
          i % 2 ? { ...f, orgId: 'org-3' } : { ...f, status: i % 4 ? 'pending' : 'met' },
        );
        const before = new Set(keys(mine));
        const after = evaluateRules(builtinRules, [...mine, ...unrelated], now).filter((v) => v.orgId !== 'org-3');
        expect(new Set(after.map((v) => v.dedupeKey))).toEqual(before);
      }),
    );
  });
});
