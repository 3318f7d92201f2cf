import { describe, expect, it } from 'vitest';
import { checkCwe, cweCatalogueVersion } from './cwe.ts';

describe('checkCwe', () => {
  it('finds a weakness with its name', () => {
    expect(checkCwe('CWE-79')).toEqual({
      ok: true,
      id: 'CWE-79',
      name: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
      kind: 'weakness',
      status: 'Stable',
      usage: 'Allowed',
    });
    expect(checkCwe('CWE-502')).toMatchObject({ ok: true, name: 'Deserialization of Untrusted Data' });
  });

  it('accepts categories and views, with their mapping guidance', () => {
    expect(checkCwe('CWE-16')).toMatchObject({ ok: true, kind: 'category', name: 'Configuration' });
    expect(checkCwe('CWE-1000')).toMatchObject({ ok: true, kind: 'view', usage: 'Prohibited' });
  });

  it('names the catalogue version', () => {
    expect(cweCatalogueVersion()).toBe('4.15 (2024-07-16)');
  });

  it.each([
    ['CWE-99999', 'CWE-99999 is not in the CWE catalogue (version 4.15 (2024-07-16))'],
    ['CWE-0', "'CWE-0' is not a CWE id (expected CWE-<number>)"],
    ['79', "'79' is not a CWE id (expected CWE-<number>)"],
    ['cwe-79', "'cwe-79' is not a CWE id (expected CWE-<number>)"],
    ['NVD-CWE-noinfo', "NVD-CWE-noinfo is NVD's placeholder, not a CWE id; leave the CWE list empty instead"],
    ['NVD-CWE-Other', "NVD-CWE-Other is NVD's placeholder, not a CWE id; leave the CWE list empty instead"],
  ])('refuses %s', (id, problem) => {
    expect(checkCwe(id)).toEqual({ ok: false, problem });
  });
});
