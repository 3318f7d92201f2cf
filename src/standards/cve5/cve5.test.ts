import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cve5ToReportDraft, isCveRecordLike, parseCveRecord, parseCveTimestamp, versionRangesOf } from './index.ts';

const fixture = (p: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/cve/${p}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const log4shell = fixture('osv.dev-cvelistV5-snapshot/cves/2021/44xxx/CVE-2021-44228.json');
// dataVersion 5.0, timestamps without a zone, vendor and product "n/a".
const mitre50 = fixture('osv.dev-cvelistV5-snapshot/cves/2023/23xxx/CVE-2023-23127.json');
const rejected = fixture('vulnrichment/2023/52xxx/CVE-2023-52605.json');

const parsed = (json: unknown) => {
  const result = parseCveRecord(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
};

describe('parseCveRecord', () => {
  it('treats timestamps without a zone as UTC (CVE JSON 5 timestamp)', () => {
    expect(parseCveTimestamp('2023-02-01T00:00:00')?.toISOString()).toBe('2023-02-01T00:00:00.000Z');
    expect(parseCveTimestamp('2023-02-01')?.toISOString()).toBe('2023-02-01T00:00:00.000Z');
    expect(parseCveTimestamp('2021-12-10T00:00:00.000+02:00')?.toISOString()).toBe('2021-12-09T22:00:00.000Z');
    expect(parseCveTimestamp('yesterday')).toBeNull();
    const cve = parsed(mitre50);
    expect(cve).toMatchObject({ cveId: 'CVE-2023-23127', dataVersion: '5.0', state: 'PUBLISHED', cvss: null });
    expect(cve.datePublished?.toISOString()).toBe('2023-02-01T00:00:00.000Z');
    // The official schema wants a zone; the record is imported all the same, with the problem counted.
    expect(cve.schemaProblems).toBeGreaterThan(0);
  });

  it('reads 5.1 records and takes the CVSS from CISA-ADP when the CNA gives none', () => {
    const cve = parsed(log4shell);
    expect(cve).toMatchObject({
      dataVersion: '5.1',
      assignerShortName: 'apache',
      cwes: ['CWE-502', 'CWE-400', 'CWE-20'],
      cvss: { version: '3.1', score: 10, severity: 'CRITICAL', source: 'CISA-ADP' },
      products: [{ vendor: 'Apache Software Foundation', product: 'Apache Log4j2' }],
      schemaProblems: 0,
    });
    expect(cve.description).toMatch(/^Apache Log4j2 2.0-beta9 through 2.15.0/);
  });

  it('reads REJECTED records, with the rejection reason as description', () => {
    const cve = parsed(rejected);
    expect(cve).toMatchObject({ state: 'REJECTED', products: [], cwes: [] });
    expect(cve.description).toMatch(/rejected or withdrawn/);
  });

  it('refuses what cannot be identified, naming the field', () => {
    const noId = { ...log4shell, cveMetadata: { state: 'PUBLISHED' } };
    expect(parseCveRecord(noId)).toEqual({
      ok: false,
      errors: [{ pointer: '/cveMetadata/cveId', detail: expect.any(String) }],
    });
    expect(parseCveRecord({ ...log4shell, dataVersion: '4.0' })).toMatchObject({ ok: false });
    expect(parseCveRecord([])).toMatchObject({ ok: false });
    expect(isCveRecordLike({ new: [], updated: [] })).toBe(false);
    expect(isCveRecordLike(log4shell)).toBe(true);
  });
});

describe('cve5ToReportDraft', () => {
  it('maps Log4Shell: versions split at changes, CWEs, CVSS vector, references, disclosure date', () => {
    const draft = cve5ToReportDraft(parsed(log4shell));
    expect(draft).toMatchObject({
      cveId: 'CVE-2021-44228',
      title:
        'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP and other JNDI related endpoints',
      cwes: ['CWE-502', 'CWE-400', 'CWE-20'],
      cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      timeline: { publiclyDisclosedAt: '2021-12-10T00:00:00.000Z' },
    });
    expect(draft.products).toEqual([
      {
        vendor: 'Apache Software Foundation',
        product: 'Apache Log4j2',
        versions: [
          { scheme: 'custom', introduced: '2.0-beta9', fixed: '2.3.1' },
          { scheme: 'custom', introduced: '2.4', fixed: '2.12.2' },
          { scheme: 'custom', introduced: '2.13.0', fixed: '2.15.0' },
        ],
      },
    ]);
    expect(draft.references[0]).toEqual({ url: 'https://logging.apache.org/log4j/2.x/security.html' });
    expect(draft.references.some((r) => r.tags?.includes('mailing-list'))).toBe(true);
    expect(draft.cvssV40).toBeUndefined();
  });

  it('maps version entries: lessThan, lessThanOrEqual, single versions, generic scheme, unknowns dropped', () => {
    expect(versionRangesOf({ version: '1.0', lessThan: '1.2', status: 'affected', versionType: 'semver' })).toEqual([
      { scheme: 'semver', introduced: '1.0', fixed: '1.2' },
    ]);
    expect(
      versionRangesOf({ version: '0', lessThanOrEqual: '7.0U3o', status: 'affected', versionType: '8.0U2' }),
    ).toEqual([{ scheme: '8.0U2', introduced: '0', lastAffected: '7.0U3o' }]);
    expect(versionRangesOf({ version: '2.4.1', status: 'affected' })).toEqual([
      { scheme: 'generic', version: '2.4.1' },
    ]);
    expect(versionRangesOf({ version: 'n/a', status: 'affected' })).toEqual([]);
    expect(versionRangesOf({ version: '3.0', status: 'unaffected' })).toEqual([]);
  });

  it('gives a draft even for a record with nothing but an id and a description', () => {
    const draft = cve5ToReportDraft(parsed(mitre50));
    expect(draft.title.startsWith('CVE-2023-23127: ')).toBe(true);
    expect(draft.products).toEqual([{ vendor: 'n/a', product: 'n/a', versions: [] }]);
  });
});
