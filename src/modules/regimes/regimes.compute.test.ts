import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRegimes } from './regimes.builtin.ts';
import {
  type ComputedObligation,
  computeObligations,
  hasField,
  type ReportFacts,
  type SubmissionFacts,
} from './regimes.compute.ts';
import { type Regime, stages } from './regimes.model.ts';

const DAY = 86_400;
const log4shell = {
  title: 'Remote code execution in Apache Log4j 2 JNDI lookups',
  description: 'Attacker-controlled log messages trigger JNDI lookups that load remote code.',
  technicalDetails: 'Message lookup substitution resolves a jndi:ldap:// lookup and loads a class from the server.',
  impact: 'Unauthenticated remote code execution in the logging process.',
  scopeOfImpact: 'Every Java application that logs attacker-controlled strings with log4j-core 2.0-beta9–2.14.1.',
  products: [
    {
      vendor: 'Apache Software Foundation',
      product: 'Apache Log4j 2',
      model: 'log4j-core',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
      versions: [{ scheme: 'maven', introduced: '2.0-beta9', fixed: '2.15.0' }],
    },
  ],
  cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
  exploitation: 'active',
};

const report = (timeline: ReportFacts['timeline'] = {}): ReportFacts => ({
  reportId: 'r1',
  orgId: 'o1',
  receivedAt: new Date('2021-12-09T00:00:00Z'),
  timeline: { awareAt: new Date('2021-11-24T00:00:00Z'), ...timeline },
  exploitation: 'active',
  severity: 'critical',
  tier: 'important',
  tlp: 'AMBER',
  cveId: null,
  content: log4shell,
});
const initial: SubmissionFacts = {
  id: 's1',
  stage: 'initial',
  receivedAt: new Date('2021-12-09T00:00:00Z'),
  content: log4shell,
};
const byKey = (rows: ComputedObligation[]) =>
  Object.fromEntries(rows.map((r) => [`${r.regimeId}/${r.obligationKey}`, r]));

describe('the acceptance scenario: Log4Shell, aware 2021-11-24, reported 2021-12-09', () => {
  const now = new Date('2021-12-09T00:00:00Z');
  const rows = byKey(computeObligations({ report: report(), submissions: [initial], regimes: builtinRegimes, now }));

  it('CN 2021: due 2021-11-26, late by 13 days, met by the report', () => {
    expect(rows['cn-2021/report']).toMatchObject({
      triggerAt: new Date('2021-11-24T00:00:00Z'),
      dueAt: new Date('2021-11-26T00:00:00Z'),
      metAt: new Date('2021-12-09T00:00:00Z'),
      metBySubmissionId: 's1',
      status: 'late',
      latenessSeconds: 13 * DAY,
      missingFields: [],
    });
  });

  it('EU CRA Art. 14 (actively exploited): early warning 14 days late, notification 12, final report pending', () => {
    expect(rows['eu-cra-art14/early-warning']).toMatchObject({
      dueAt: new Date('2021-11-25T00:00:00Z'),
      status: 'late',
      latenessSeconds: 14 * DAY,
    });
    expect(rows['eu-cra-art14/notification']).toMatchObject({
      dueAt: new Date('2021-11-27T00:00:00Z'),
      status: 'late',
      latenessSeconds: 12 * DAY,
    });
    expect(rows['eu-cra-art14/final-report']).toMatchObject({
      trigger: 'fixAvailableAt',
      triggerAt: null,
      dueAt: null,
      status: 'pending',
      latenessSeconds: null,
    });
  });

  it('CVE CNA: not owed before public disclosure', () => {
    expect(rows['cve-cna/cve-record']).toMatchObject({ dueAt: null, status: 'pending' });
  });

  it('the final report clock starts when the fix is available: pending, missed, then late once submitted', () => {
    const facts = report({ fixAvailableAt: new Date('2021-12-10T00:00:00Z') });
    const at = (iso: string, subs: SubmissionFacts[] = [initial]) =>
      byKey(computeObligations({ report: facts, submissions: subs, regimes: builtinRegimes, now: new Date(iso) }))[
        'eu-cra-art14/final-report'
      ];
    expect(at('2021-12-20T00:00:00Z')).toMatchObject({ dueAt: new Date('2021-12-24T00:00:00Z'), status: 'pending' });
    expect(at('2021-12-25T00:00:00Z')).toMatchObject({ status: 'missed', latenessSeconds: DAY });
    const final: SubmissionFacts = {
      id: 's2',
      stage: 'final_report',
      receivedAt: new Date('2021-12-26T12:00:00Z'),
      content: log4shell,
    };
    expect(at('2022-01-10T00:00:00Z', [initial, final])).toMatchObject({
      status: 'late',
      metBySubmissionId: 's2',
      latenessSeconds: 2.5 * DAY,
    });
  });

  it('does not apply CRA when the flaw is not actively exploited', () => {
    const facts = { ...report(), exploitation: 'poc' as const };
    const keys = computeObligations({ report: facts, submissions: [], regimes: builtinRegimes, now }).map(
      (r) => r.regimeId,
    );
    expect(keys).toEqual(['cn-2021', 'cve-cna']);
  });

  it('a submission lacking required content does not meet the obligation and says what is missing', () => {
    const thin: SubmissionFacts = { ...initial, content: { ...log4shell, impact: ' ', scopeOfImpact: undefined } };
    const cn = byKey(computeObligations({ report: report(), submissions: [thin], regimes: builtinRegimes, now }))[
      'cn-2021/report'
    ];
    expect(cn).toMatchObject({ status: 'missed', metAt: null, missingFields: ['impact', 'scopeOfImpact'] });
  });
});

describe('required field paths', () => {
  it('`*` needs at least one element and every element; `|` takes either', () => {
    expect(hasField({ products: [] }, 'products/*/model')).toBe(false);
    expect(hasField({ products: [{ model: 'a' }, {}] }, 'products/*/model')).toBe(false);
    expect(hasField({ products: [{ model: 'a' }] }, 'products/*/model')).toBe(true);
    expect(hasField({ cvssV40: 'CVSS:4.0/…' }, 'cvssV31|cvssV40')).toBe(true);
    expect(hasField({ products: [{ versions: [] }] }, 'products/*/versions')).toBe(false);
  });
});

// Property tests: one regime, one obligation, arbitrary times and submissions.
const t0 = Date.parse('2021-01-01T00:00:00Z');
const arbDate = fc.integer({ min: 0, max: 60 * DAY }).map((s) => new Date(t0 + s * 1000));
const regime: Regime = {
  id: 'p',
  name: 'p',
  description: '',
  legalBasis: 'p',
  obligations: [
    { key: 'o', title: 'o', stage: 'notification', trigger: 'awareAt', period: 'PT72H', requiredFields: ['impact'] },
  ],
};
const arbSubmission = fc.record({
  id: fc.uuid(),
  stage: fc.constantFrom(...stages),
  receivedAt: arbDate,
  content: fc.constantFrom<Record<string, unknown>>({ impact: 'x' }, {}),
});
const arbCase = fc.record({
  aware: fc.option(arbDate, { nil: null }),
  submissions: fc.array(arbSubmission, { maxLength: 5 }),
  now: arbDate,
  later: fc.integer({ min: 0, max: 30 * DAY }),
});
const one = (aware: Date | null, submissions: SubmissionFacts[], now: Date) =>
  computeObligations({ report: report({ awareAt: aware }), submissions, regimes: [regime], now })[0]!;

describe('obligation invariants', () => {
  it('lateness is never negative; met means on time; late means after the due time', () => {
    fc.assert(
      fc.property(arbCase, ({ aware, submissions, now }) => {
        const o = one(aware, submissions, now);
        if (o.latenessSeconds !== null) expect(o.latenessSeconds).toBeGreaterThanOrEqual(0);
        if (o.status === 'met' && o.dueAt) expect(o.metAt!.getTime()).toBeLessThanOrEqual(o.dueAt.getTime());
        if (o.status === 'late') expect(o.metAt!.getTime()).toBeGreaterThan(o.dueAt!.getTime());
        if (o.status === 'missed') expect(o.dueAt!.getTime()).toBeLessThan(now.getTime());
        if (o.metBySubmissionId) expect(submissions.some((s) => s.id === o.metBySubmissionId)).toBe(true);
        if (!aware) expect(['pending', 'met']).toContain(o.status);
      }),
    );
  });

  it('as time passes a status never goes back: pending → missed only, met and late stay', () => {
    fc.assert(
      fc.property(arbCase, ({ aware, submissions, now, later }) => {
        const before = one(aware, submissions, now);
        const after = one(aware, submissions, new Date(now.getTime() + later * 1000));
        if (before.status !== 'pending') expect(after.status).toBe(before.status);
        if (before.status === 'met' || before.status === 'late') expect(after).toEqual(before);
      }),
    );
  });

  it('the submission order given does not matter', () => {
    fc.assert(
      fc.property(arbCase, ({ aware, submissions, now }) => {
        expect(one(aware, [...submissions].reverse(), now)).toEqual(one(aware, submissions, now));
      }),
    );
  });
});
