import { describe, expect, it } from 'vitest';
import { checkVersionRange, isOrderableScheme, versToRanges } from './versions.ts';

describe('checkVersionRange', () => {
  it.each([
    { scheme: 'semver', introduced: '2.0.0', fixed: '2.15.0' },
    { scheme: 'semver', introduced: '0', fixed: '1.0.1' },
    { scheme: 'semver', introduced: '2.0.0-beta9', lastAffected: '2.14.1' },
    { scheme: 'semver', introduced: '1.0.0', lastAffected: '1.0.0' },
    { scheme: 'semver', introduced: '1.0.0' },
    { scheme: 'semver', fixed: '1.2.3+build.5' },
    { scheme: 'semver', version: '2.14.1' },
    { scheme: 'npm', introduced: '4.0.0', fixed: '4.17.21' },
    { scheme: 'golang', introduced: 'v0.0.0-20210101000000-abcdef123456', fixed: 'v0.17.0' },
    { scheme: 'git', version: '6c5b0b0a1f0b1c2d' },
    { scheme: 'maven', version: '2.14.1' },
    { scheme: 'generic', version: '8.6 Update 2' },
    { scheme: 'generic', introduced: '0' },
  ])('accepts %o', (range) => {
    expect(checkVersionRange(range)).toEqual({ ok: true });
  });

  it.each([
    [
      { scheme: 'git', introduced: 'abc123', fixed: 'def456' },
      "cannot order versions in scheme 'git'; give explicit versions",
      undefined,
    ],
    [
      { scheme: 'maven', introduced: '2.0', fixed: '2.15.0' },
      "cannot order versions in scheme 'maven'; give explicit versions",
      undefined,
    ],
    [
      { scheme: 'semver', introduced: '2.15.0', fixed: '2.0.0' },
      'introduced 2.15.0 is not before fixed 2.0.0',
      'fixed',
    ],
    [{ scheme: 'semver', introduced: '1.0.0', fixed: '1.0.0' }, 'introduced 1.0.0 is not before fixed 1.0.0', 'fixed'],
    [
      { scheme: 'semver', introduced: '2.0.0', lastAffected: '1.9.9' },
      'introduced 2.0.0 is after lastAffected 1.9.9',
      'lastAffected',
    ],
    [
      { scheme: 'semver', introduced: '2.0', fixed: '2.15.0' },
      "introduced '2.0' is not a valid semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)",
      'introduced',
    ],
    [
      { scheme: 'semver', introduced: 'v2.0.0', fixed: '2.15.0' },
      "introduced 'v2.0.0' is not a valid semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)",
      'introduced',
    ],
    [
      { scheme: 'golang', fixed: '0.17.0' },
      "fixed '0.17.0' is not a valid golang version (MAJOR.MINOR.PATCH, e.g. v1.2.0)",
      'fixed',
    ],
    [
      { scheme: 'semver', version: 'latest' },
      "version 'latest' is not a valid semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)",
      'version',
    ],
    [
      { scheme: 'semver', introduced: '1.0.0', fixed: '1.2.0', lastAffected: '1.1.0' },
      'give fixed or lastAffected, not both',
      'lastAffected',
    ],
    [
      { scheme: 'semver', version: '1.0.0', fixed: '1.2.0' },
      'give either an explicit version or a range (introduced/fixed/lastAffected), not both',
      undefined,
    ],
    [{ scheme: 'semver' }, 'give an explicit version or a range (introduced, fixed or lastAffected)', undefined],
  ])('refuses %o', (range, problem, field) => {
    expect(checkVersionRange(range)).toEqual(field ? { ok: false, problem, field } : { ok: false, problem });
  });
});

describe('isOrderableScheme', () => {
  it('orders semver-compatible schemes only', () => {
    expect(
      ['semver', 'npm', 'cargo', 'golang', 'pypi', 'maven', 'rpm', 'git', 'generic'].map(isOrderableScheme),
    ).toEqual([true, true, true, true, false, false, false, false, false]);
  });
});

describe('versToRanges', () => {
  it.each([
    ['vers:npm/>=1.0.0|<1.2.3', [{ scheme: 'npm', introduced: '1.0.0', fixed: '1.2.3' }]],
    ['vers:semver/<=2.14.1', [{ scheme: 'semver', introduced: '0', lastAffected: '2.14.1' }]],
    [
      'vers:npm/>=1.0.0|<1.2.3|>=2.0.0|<2.1.0',
      [
        { scheme: 'npm', introduced: '1.0.0', fixed: '1.2.3' },
        { scheme: 'npm', introduced: '2.0.0', fixed: '2.1.0' },
      ],
    ],
    ['vers:semver/>=3.0.0', [{ scheme: 'semver', introduced: '3.0.0' }]],
    [
      'vers:generic/2.4|2.6',
      [
        { scheme: 'generic', version: '2.4' },
        { scheme: 'generic', version: '2.6' },
      ],
    ],
    ['vers:all/*', [{ scheme: 'all', introduced: '0' }]],
  ])('reads %s', (vers, ranges) => {
    expect(versToRanges(vers)).toEqual({ ok: true, ranges });
  });

  it.each([
    ['vers:generic/>=2.9|<=4.1', "cannot order versions in scheme 'generic'; give explicit versions"],
    ['vers:npm/>1.0.0', "cannot map the vers constraint '>1.0.0' in 'vers:npm/>1.0.0'"],
    ['vers:npm/>=2.0.0|<1.0.0', 'introduced 2.0.0 is not before fixed 1.0.0'],
    ['>=1.0|<2.0', "'>=1.0|<2.0' is not a vers range (vers:<scheme>/<constraints>)"],
  ])('refuses %s', (vers, problem) => {
    expect(versToRanges(vers)).toEqual({ ok: false, problem });
  });
});
