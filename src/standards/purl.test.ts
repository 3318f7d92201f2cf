import { describe, expect, it } from 'vitest';
import { checkPurl } from './purl.ts';

describe('checkPurl', () => {
  it('parses a scoped npm purl', () => {
    expect(checkPurl('pkg:npm/%40angular/animation@12.3.1')).toEqual({
      ok: true,
      type: 'npm',
      namespace: '@angular',
      name: 'animation',
      version: '12.3.1',
      qualifiers: {},
      subpath: undefined,
      canonical: 'pkg:npm/%40angular/animation@12.3.1',
    });
  });

  it('parses qualifiers (Red Hat rpm purl)', () => {
    expect(checkPurl('pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=src')).toMatchObject({
      ok: true,
      type: 'rpm',
      namespace: 'redhat',
      name: 'git-lfs',
      version: '2.13.3-3.el8_6.1',
      qualifiers: { arch: 'src' },
    });
  });

  it('normalises per type', () => {
    expect(checkPurl('pkg:pypi/Django_Foo@1.0')).toMatchObject({ ok: true, name: 'django-foo' });
    expect(checkPurl('pkg:NPM/Foo@1')).toMatchObject({ ok: true, type: 'npm', canonical: 'pkg:npm/foo@1' });
  });

  it('parses a maven purl without version', () => {
    expect(checkPurl('pkg:maven/org.apache.logging.log4j/log4j-core')).toMatchObject({
      ok: true,
      namespace: 'org.apache.logging.log4j',
      name: 'log4j-core',
      version: undefined,
    });
  });

  it.each([
    ['npm/foo@1', 'invalid purl: missing required "pkg" scheme component'],
    ['pkg:npm', 'invalid purl: "name" is a required component'],
    ['pkg:maven/log4j-core@2.14.1', 'invalid purl: maven requires a "namespace" component'],
    ['pkg:foo bar/x', 'invalid purl: type "foo bar" contains an illegal character'],
    ['pkg:npm/foo@1?bad key=x', 'invalid purl: qualifier "bad key" contains an illegal character'],
  ])('refuses %s', (s, problem) => {
    expect(checkPurl(s)).toEqual({ ok: false, problem });
  });
});
