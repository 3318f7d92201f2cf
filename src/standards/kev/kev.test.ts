import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kevExploitationEvidence, parseKevCatalog } from './index.ts';

const catalog = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/kev/known_exploited_vulnerabilities.json', import.meta.url), 'utf8'),
);

describe('parseKevCatalog', () => {
  it('reads the real catalog against its official schema', () => {
    const result = parseKevCatalog(catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.catalog).toMatchObject({ catalogVersion: '2025.08.25', count: 1404 });
    const log4shell = result.catalog.vulnerabilities.find((v) => v.cveID === 'CVE-2021-44228');
    expect(log4shell && kevExploitationEvidence(log4shell)).toMatch(/since 2021-12-10$/);
  });

  it('names what is wrong with something that is not a catalog', () => {
    expect(parseKevCatalog([])).toMatchObject({ ok: false });
    const result = parseKevCatalog({ ...catalog, vulnerabilities: [{ cveID: 'CVE-1-2' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ pointer: '/vulnerabilities/0/cveID', detail: expect.any(String) });
    expect(result.errors).toContainEqual({
      pointer: '/vulnerabilities/0',
      detail: "must have required property 'dateAdded'",
    });
  });

  it('refuses an entry listed twice', () => {
    const first = catalog.vulnerabilities[0];
    const result = parseKevCatalog({ ...catalog, vulnerabilities: [first, first] });
    expect(result).toMatchObject({ ok: false, errors: [{ pointer: '/vulnerabilities/1/cveID' }] });
  });
});
