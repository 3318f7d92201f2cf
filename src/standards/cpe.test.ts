import { describe, expect, it } from 'vitest';
import { checkCpe23, cpeUriToFormatted } from './cpe.ts';

describe('checkCpe23', () => {
  it('parses a formatted string into its components', () => {
    expect(checkCpe23('cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*')).toEqual({
      ok: true,
      formatted: 'cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*',
      part: 'a',
      vendor: 'apache',
      product: 'log4j',
      version: '2.14.1',
      update: '*',
      edition: '*',
      language: '*',
      swEdition: '*',
      targetSw: '*',
      targetHw: '*',
      other: '*',
    });
  });

  it('accepts quoted special characters, wildcards, NA and a language tag', () => {
    expect(checkCpe23('cpe:2.3:o:microsoft:windows_10:1607:*:*:en-us:*:*:x64:*')).toMatchObject({
      ok: true,
      part: 'o',
      language: 'en-us',
      targetHw: 'x64',
    });
    expect(checkCpe23('cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*')).toMatchObject({
      ok: true,
      update: '-',
    });
    // NISTIR 7695 §6.2.6 example: a colon inside a value is quoted, it does not split the string
    expect(checkCpe23('cpe:2.3:a:foo\\:bar:big\\$money_2010:*:*:*:*:*:*:*:*')).toMatchObject({
      ok: true,
      vendor: 'foo\\:bar',
      product: 'big\\$money_2010',
    });
    expect(checkCpe23('cpe:2.3:h:cisco:*router*:1.?:*:*:*:*:*:*:*')).toMatchObject({ ok: true, product: '*router*' });
  });

  it.each([
    ['cpe:/a:apache:log4j:2.14.1', 'CPE 2.2 URI binding (cpe:/…) given; use the CPE 2.3 formatted string (cpe:2.3:…)'],
    [
      'apache:log4j:2.14.1',
      'not a CPE 2.3 formatted string (cpe:2.3:<part>:<vendor>:<product>:<version>:<update>:<edition>:<language>:<sw_edition>:<target_sw>:<target_hw>:<other>)',
    ],
    [
      'cpe:2.3:a:apache:log4j:2.14.1',
      'expected 13 colon-separated fields (cpe:2.3:<part>:<vendor>:<product>:<version>:<update>:<edition>:<language>:<sw_edition>:<target_sw>:<target_hw>:<other>), got 6',
    ],
    ['cpe:2.3:x:apache:log4j:2.14.1:*:*:*:*:*:*:*', "part has invalid value 'x' (allowed: a, h, o)"],
    [
      'cpe:2.3:a:apache:log 4j:2.14.1:*:*:*:*:*:*:*',
      "product has invalid value 'log 4j' (letters, digits, '-', '.', '_' and the wildcards * and ?; quote other characters with '\\')",
    ],
    ['cpe:2.3:a::log4j:2.14.1:*:*:*:*:*:*:*', 'vendor is empty (use * for ANY or - for NA)'],
    [
      'cpe:2.3:a:apache:log4j:2.14.1:*:*:english:*:*:*:*',
      "language has invalid value 'english' (a language tag such as 'en' or 'en-us', or * or -)",
    ],
    [
      'cpe:2.3:a:apache:log4j:2.*.1:*:*:*:*:*:*:*',
      "version has invalid value '2.*.1' (letters, digits, '-', '.', '_' and the wildcards * and ?; quote other characters with '\\')",
    ],
  ])('refuses %s', (s, problem) => {
    expect(checkCpe23(s)).toEqual({ ok: false, problem });
  });
});

describe('cpeUriToFormatted', () => {
  it.each([
    ['cpe:/a:redhat:rhel_aus:8.6::appstream', 'cpe:2.3:a:redhat:rhel_aus:8.6:*:appstream:*:*:*:*:*'],
    ['cpe:/o:redhat:enterprise_linux:8', 'cpe:2.3:o:redhat:enterprise_linux:8:*:*:*:*:*:*:*'],
    ['cpe:/a:foo%7ebar:big%24money:2010', 'cpe:2.3:a:foo\\~bar:big\\$money:2010:*:*:*:*:*:*:*'],
    ['cpe:/a:hp:insight:7.4::~~online~win2003~x64~', 'cpe:2.3:a:hp:insight:7.4:*:*:*:online:win2003:x64:*'],
    ['CPE:/A:Microsoft:IE:8.%02', 'cpe:2.3:a:microsoft:ie:8.*:*:*:*:*:*:*:*'],
  ])('converts %s', (uri, formatted) => {
    expect(cpeUriToFormatted(uri)).toMatchObject({ ok: true, formatted });
  });

  it('refuses what is not a CPE 2.2 URI', () => {
    expect(cpeUriToFormatted('cpe:2.3:a:b:c:*:*:*:*:*:*:*:*')).toEqual({
      ok: false,
      problem: 'not a CPE 2.2 URI (cpe:/<part>:<vendor>:<product>:…)',
    });
  });
});
