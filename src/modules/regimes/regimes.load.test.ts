import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/config.ts';
import { checkRegimes, loadRegimes } from './regimes.load.ts';

const partnerRegime = {
  id: 'partner-agreement',
  name: 'Partner agreement: third-party components',
  legalBasis: 'Partner agreement §4.2',
  appliesTo: { severityAtLeast: 'critical', thirdPartyComponent: true },
  obligations: [
    {
      key: 'report',
      title: 'Report critical vulnerabilities in third-party components within 2 days',
      stage: 'initial',
      trigger: 'awareAt',
      period: 'P2D',
      requiredFields: ['products/*/product', 'products/*/versions'],
    },
  ],
};

describe('regimes file', () => {
  it('accepts a partner-agreement regime and fills defaults', () => {
    const { regimes, problems } = checkRegimes({ regimes: [partnerRegime] });
    expect(problems).toEqual([]);
    expect(regimes[0]).toMatchObject({ id: 'partner-agreement', description: '' });
  });

  it('lists every problem with a JSON pointer', () => {
    const bad = {
      regimes: [
        {
          ...partnerRegime,
          id: 'Not A Slug',
          colour: 'red',
          appliesTo: { exploitation: ['sometimes'] },
          obligations: [{ ...partnerRegime.obligations[0], trigger: 'whenever' }],
        },
      ],
    };
    const pointers = checkRegimes(bad).problems.map((p) => p.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/regimes/0/id',
        '/regimes/0/colour',
        '/regimes/0/appliesTo/exploitation/0',
        '/regimes/0/obligations/0/trigger',
      ]),
    );
  });

  it('refuses bad durations, duplicate ids and keys, and ids of built-ins', () => {
    const o = partnerRegime.obligations[0]!;
    const { problems } = checkRegimes({
      regimes: [
        { ...partnerRegime, obligations: [o, { ...o, period: 'two days' }] },
        partnerRegime,
        { ...partnerRegime, id: 'cn-2021' },
      ],
    });
    expect(problems).toEqual([
      { pointer: '/regimes/0/obligations/1/key', detail: "'report' is used twice in this regime" },
      { pointer: '/regimes/0/obligations/1/period', detail: expect.stringContaining('ISO 8601') },
      { pointer: '/regimes/1/id', detail: "'partner-agreement' is defined twice" },
      { pointer: '/regimes/2/id', detail: "'cn-2021' is a built-in regime; choose another id" },
    ]);
  });

  it('loads built-ins plus the file, and an invalid file is a configuration error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regimes-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ regimes: [partnerRegime] }));
    expect(loadRegimes(good).map((r) => r.id)).toEqual(['cn-2021', 'eu-cra-art14', 'cve-cna', 'partner-agreement']);
    expect(loadRegimes(undefined)).toHaveLength(3);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"regimes": [');
    expect(() => loadRegimes(bad)).toThrow(ConfigError);
  });
});
