import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReportDraft } from '../report-checks.ts';
import { csafToReportDrafts, parseCsaf, parseCsafText } from './index.ts';

const fixtures = new URL('../../../test/fixtures/csaf/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const load = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

function drafts(name: string) {
  const parsed = parseCsaf(load(name));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return csafToReportDrafts(parsed.doc);
}

describe('parseCsaf', () => {
  it.each([
    'redhat/rhsa-2024_4546.json',
    'redhat/rhsa-2003_315.json',
    'redhat/rhsa-2015_0008.json',
    'redhat/guac-rhsa-csaf.json',
    'examples/bsi-2022-0001.json',
    'examples/cisco-sa-20180328-smi2.json',
    'examples/rhsa-2021_5186.json',
    'examples/sec-vex-2022-0001.json',
    'validator/oasis_csaf_tc-csaf_2_0-2021-6-1-01-11.json',
  ])('accepts %s', (name) => {
    expect(parseCsaf(load(name))).toMatchObject({ ok: true });
  });

  it('refuses the OASIS test documents that break the schema, with pointers', () => {
    const v30 = parseCsaf(load('validator/oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json'));
    expect(v30.ok).toBe(false);
    expect(v30.ok ? [] : v30.errors).toContainEqual({
      pointer: '/vulnerabilities/0/scores/0/cvss_v3/baseSeverity',
      detail: 'is required',
    });
    expect(parseCsaf(load('validator/oasis_csaf_tc-csaf_2_0-2021-6-1-08-03.json'))).toEqual({
      ok: false,
      errors: [{ pointer: '/vulnerabilities/0/scores/0/cvss_v2/version', detail: 'is required' }],
    });
    expect(parseCsaf(load('validator/oasis_csaf_tc-csaf_2_0-2021-6-1-08-02.json')).ok).toBe(false);
  });

  it('refuses product ids that the product tree does not define (§6.1.1)', () => {
    expect(parseCsaf(load('validator/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json'))).toEqual({
      ok: false,
      errors: [
        {
          pointer: '/product_tree/product_groups/0/product_ids/0',
          detail: "product id 'CSAFPID-9080700' is not defined",
        },
        {
          pointer: '/product_tree/product_groups/0/product_ids/1',
          detail: "product id 'CSAFPID-9080701' is not defined",
        },
      ],
    });
  });

  it('names schema violations in an otherwise real document', () => {
    const doc = load('redhat/rhsa-2024_4546.json') as { document: Record<string, unknown> };
    doc.document.category = 42;
    delete doc.document.title;
    (doc.document.distribution as { tlp: { label: string } }).tlp.label = 'CLEAR';
    const result = parseCsaf(doc);
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/document/title', detail: 'is required' },
        { pointer: '/document/category', detail: 'must be string' },
        { pointer: '/document/distribution/tlp/label', detail: 'must be one of "AMBER", "GREEN", "RED", "WHITE"' },
      ]),
    );
  });

  it.each([
    [{ document: { title: 'x' } }, '/document/csaf_version', 'not a CSAF document (document.csaf_version is missing)'],
    [{ dataType: 'CVE_RECORD' }, '/document/csaf_version', 'not a CSAF document (document.csaf_version is missing)'],
    [[1, 2], '', 'not a CSAF document: expected a JSON object'],
    [
      { document: { csaf_version: '2.1' } },
      '/document/csaf_version',
      'unsupported CSAF version "2.1" (expected "2.0")',
    ],
  ])('refuses what is not a CSAF 2.0 document: %j', (json, pointer, detail) => {
    expect(parseCsaf(json)).toEqual({ ok: false, errors: [{ pointer, detail }] });
  });

  it('refuses an upload that is not JSON', () => {
    const result = parseCsafText('{"document": ');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      { pointer: '', detail: expect.stringMatching(/^not valid JSON: /) },
    ]);
    expect(parseCsafText(text('redhat/rhsa-2024_4546.json')).ok).toBe(true);
  });
});

describe('csafToReportDrafts', () => {
  it('maps Red Hat RHSA-2024:4546', () => {
    const {
      drafts: [draft, ...rest],
      warnings,
    } = drafts('redhat/rhsa-2024_4546.json');
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({
      title: 'golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS',
      cveId: 'CVE-2023-45288',
      cwes: ['CWE-400'],
      cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
      exploitation: 'none',
      tlp: 'CLEAR',
      timeline: { discoveredAt: '2024-03-06T00:00:00+00:00', publiclyDisclosedAt: '2024-04-03T00:00:00+00:00' },
    });
    expect(draft?.description).toMatch(/^A vulnerability was discovered with the implementation of the HTTP\/2/);
    expect(draft?.products).toEqual([
      { vendor: 'Red Hat', product: 'git-lfs', purl: 'pkg:rpm/redhat/git-lfs', versions: [] },
      { vendor: 'Red Hat', product: 'git-lfs-debuginfo', purl: 'pkg:rpm/redhat/git-lfs-debuginfo', versions: [] },
      { vendor: 'Red Hat', product: 'git-lfs-debugsource', purl: 'pkg:rpm/redhat/git-lfs-debugsource', versions: [] },
    ]);
    expect(draft?.references).toContainEqual({
      url: 'https://access.redhat.com/security/cve/CVE-2023-45288',
      name: 'Canonical URL',
      tags: ['self'],
    });
    // RPM versions have no comparator here, so "fixed in" is reported, not turned into a range.
    expect(warnings).toContain(
      "/vulnerabilities/0: git-lfs: fixed in 2.13.3-3.el8_6.1 not recorded as a range ('rpm' versions cannot be ordered)",
    );
    expect(checkReportDraft(draft!)).toMatchObject({ errors: [], severity: 'high' });
  });

  it('maps known_affected versions and CPE 2.2 identifiers (BSI example)', () => {
    const [draft] = drafts('examples/bsi-2022-0001.json').drafts;
    expect(draft?.title).toBe('CVRF-CSAF-Converter: XML External Entities Vulnerability (CVE-2022-27193)');
    expect(draft?.products).toEqual([
      {
        vendor: 'CSAF Tools',
        product: 'CVRF-CSAF-Converter',
        cpe: 'cpe:2.3:a:csaf-tools:cvrf-csaf-converter:*:*:*:*:*:*:*:*',
        versions: [
          { scheme: 'semver', version: '1.0.0-alpha' },
          { scheme: 'semver', version: '1.0.0-dev1' },
          { scheme: 'semver', version: '1.0.0-dev2' },
          { scheme: 'semver', version: '1.0.0-dev3' },
          { scheme: 'semver', version: '1.0.0-rc1' },
          { scheme: 'semver', fixed: '1.0.0-rc2' },
        ],
      },
    ]);
    expect(draft).toMatchObject({ cwes: ['CWE-611'], timeline: { fixAvailableAt: '2022-03-14T13:10:55.000+01:00' } });
    expect(checkReportDraft(draft!)).toMatchObject({ errors: [], severity: 'medium' });
  });

  it('resolves relationships to the component, with its known_affected version (Red Hat openssl)', () => {
    const {
      drafts: [draft],
    } = drafts('redhat/guac-rhsa-csaf.json');
    expect(draft?.products[0]).toEqual({
      vendor: 'Red Hat',
      product: 'openssl',
      purl: 'pkg:rpm/redhat/openssl',
      versions: [{ scheme: 'rpm', version: '1.1.1k-7.el8_6' }],
    });
    expect(checkReportDraft(draft!).errors).toEqual([]);
  });

  it('keeps explicit versions and reports a vers range it cannot order', () => {
    const {
      drafts: [draft],
      warnings,
    } = drafts('examples/2022-evd-uc-04-001.json');
    expect(draft?.products).toEqual([
      {
        vendor: 'Example Company',
        product: 'ABC',
        versions: [
          { scheme: 'generic', version: '2.4' },
          { scheme: 'generic', version: '2.6' },
        ],
      },
    ]);
    expect(warnings).toEqual([
      "/vulnerabilities/0: CSAFPID-0004: version range 'vers:generic/>=2.9|<=4.1' not recorded (cannot order versions in scheme 'generic'; give explicit versions)",
    ]);
  });

  it('stays within the report limits on a large advisory (Cisco, 259 affected ids)', () => {
    const {
      drafts: [draft],
      warnings,
    } = drafts('examples/cisco-sa-20180328-smi2.json');
    expect(draft?.products.map((p) => [p.vendor, p.product, p.versions.length])).toEqual([
      ['Cisco', 'IOS', 100],
      ['Cisco', 'Cisco IOS XE Software', 79],
    ]);
    expect(draft?.cvssV31).toBe('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(warnings).toEqual(['/vulnerabilities/0: Cisco IOS: 80 versions left out']);
    expect(checkReportDraft(draft!)).toMatchObject({ errors: [], severity: 'critical' });
  });

  it('makes one draft per vulnerability; not-affected products stay out (VEX)', () => {
    const result = drafts('examples/sec-vex-2022-0001.json');
    expect(result.drafts.map((d) => [d.cveId, d.products.length])).toEqual([
      ['CVE-2021-44228', 0],
      ['CVE-2021-45046', 0],
      ['CVE-2021-45105', 0],
    ]);
  });

  it('reads exploitation from exploit_status threats', () => {
    const doc = load('redhat/rhsa-2024_4546.json');
    const parsed = parseCsaf(doc);
    if (!parsed.ok) throw new Error('fixture');
    const vuln = parsed.doc.vulnerabilities![0]!;
    vuln.threats = [{ category: 'exploit_status', details: 'Actively exploited in the wild' }];
    expect(csafToReportDrafts(parsed.doc).drafts[0]).toMatchObject({ exploitation: 'active' });
    vuln.threats = [{ category: 'exploit_status', details: 'A proof of concept is public' }];
    expect(csafToReportDrafts(parsed.doc).drafts[0]).toMatchObject({ exploitation: 'poc' });
    vuln.threats = [{ category: 'exploit_status', details: 'No known exploitation' }];
    expect(csafToReportDrafts(parsed.doc).drafts[0]).toMatchObject({ exploitation: 'none' });
  });

  it('says so when a document has no vulnerabilities', () => {
    expect(drafts('examples/rhsa-2019_1862.json')).toEqual({
      drafts: [],
      warnings: ['the document has no vulnerabilities, so there is nothing to report'],
    });
  });
});
