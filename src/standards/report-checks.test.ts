import { describe, expect, it } from 'vitest';
import { type CheckableReport, checkReportDraft } from './report-checks.ts';

const log4j = (): CheckableReport => ({
  products: [
    {
      vendor: 'Apache Software Foundation',
      product: 'Apache Log4j2',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
      cpe: 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*',
      versions: [
        { scheme: 'semver', introduced: '2.0.0-beta9', fixed: '2.15.0' },
        { scheme: 'maven', version: '2.14.1' },
      ],
    },
  ],
  cwes: ['CWE-502', 'CWE-400', 'CWE-20'],
  cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
  cvssV40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
});

describe('checkReportDraft', () => {
  it('passes a valid report and scores both vectors', () => {
    expect(checkReportDraft(log4j())).toEqual({
      errors: [],
      cvss: {
        v31: {
          version: '3.1',
          baseScore: 10,
          severity: 'critical',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        },
        v40: {
          version: '4.0',
          baseScore: 9.3,
          severity: 'critical',
          vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        },
      },
      severity: 'critical',
    });
  });

  it('takes the highest severity, and unknown without vectors', () => {
    const report = { ...log4j(), cvssV31: 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N' };
    expect(checkReportDraft(report).severity).toBe('critical');
    expect(checkReportDraft({ ...report, cvssV40: undefined }).severity).toBe('low');
    expect(checkReportDraft({ products: [], cwes: [] })).toEqual({ errors: [], cvss: {}, severity: 'unknown' });
  });

  it('accepts a CVSS 3.0 vector in the v3.1 field', () => {
    const report = { products: [], cwes: [], cvssV31: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' };
    expect(checkReportDraft(report).cvss.v31).toMatchObject({ version: '3.0', baseScore: 9.8 });
  });

  it('names each bad field with a JSON pointer', () => {
    const report: CheckableReport = {
      products: [
        log4j().products[0]!,
        {
          vendor: 'Example',
          product: 'Widget',
          purl: 'pkg:maven/log4j-core@2.14.1',
          cpe: 'cpe:2.3:a:example:widget',
          versions: [
            { scheme: 'git', introduced: 'abc', fixed: 'def' },
            { scheme: 'semver', introduced: '2.0.0', fixed: '1.0.0' },
          ],
        },
        { vendor: ' ', product: '', versions: [] },
      ],
      cwes: ['CWE-79', 'CWE-20', 'CWE-99999'],
      cvssV31: 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      cvssV40: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    };
    expect(checkReportDraft(report)).toEqual({
      errors: [
        { pointer: '/cvssV31', detail: "invalid CVSS vector: AV has invalid value 'X' (allowed: N, A, L, P)" },
        { pointer: '/cvssV40', detail: 'expected a CVSS 4.0 vector, got CVSS 3.1' },
        { pointer: '/products/1/purl', detail: 'invalid purl: maven requires a "namespace" component' },
        {
          pointer: '/products/1/cpe',
          detail:
            'invalid CPE: expected 13 colon-separated fields (cpe:2.3:<part>:<vendor>:<product>:<version>:<update>:<edition>:<language>:<sw_edition>:<target_sw>:<target_hw>:<other>), got 5',
        },
        { pointer: '/products/1/versions/0', detail: "cannot order versions in scheme 'git'; give explicit versions" },
        { pointer: '/products/1/versions/1/fixed', detail: 'introduced 2.0.0 is not before fixed 1.0.0' },
        { pointer: '/products/2', detail: 'identify the product by vendor and product, or by a purl or CPE' },
        { pointer: '/cwes/2', detail: 'CWE-99999 is not in the CWE catalogue (version 4.15 (2024-07-16))' },
      ],
      cvss: {},
      severity: 'unknown',
    });
  });

  it('accepts a product known only by purl', () => {
    const report = { products: [{ vendor: '', product: '', purl: 'pkg:npm/lodash@4.17.20', versions: [] }], cwes: [] };
    expect(checkReportDraft(report).errors).toEqual([]);
  });
});
