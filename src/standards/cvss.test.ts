import { describe, expect, it } from 'vitest';
import { scoreCvss, severityOf } from './cvss.ts';

describe('scoreCvss', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', '3.1', 10, 'critical'], // Log4Shell, CVE-2021-44228
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '3.1', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L', '3.1', 5.6, 'medium'],
    ['CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', '3.1', 1.8, 'low'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', '3.1', 0, 'none'],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '3.0', 9.8, 'critical'],
    // FIRST CVSS v4.0 examples
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 9.3, 'critical'],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 8.5, 'high'],
  ])('scores %s', (vector, version, baseScore, severity) => {
    expect(scoreCvss(vector)).toEqual({ ok: true, version, baseScore, severity, vector });
  });

  it('reports the v4.0 base score (CVSS-B) even when threat metrics lower the overall score', () => {
    const result = scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U');
    expect(result).toMatchObject({ ok: true, baseScore: 9.3, severity: 'critical' });
  });

  it('normalises metric order and drops Not Defined metrics', () => {
    const result = scoreCvss('CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:X/RL:O');
    expect(result).toMatchObject({ ok: true, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O' });
    const v4 = scoreCvss('CVSS:4.0/U:Red/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A');
    expect(v4).toMatchObject({ vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/U:Red' });
  });

  it.each([
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'not a CVSS vector (must start with CVSS:3.1/ or CVSS:4.0/)'],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', 'not a CVSS vector (must start with CVSS:3.1/ or CVSS:4.0/)'],
    ['', 'not a CVSS vector (must start with CVSS:3.1/ or CVSS:4.0/)'],
    ['CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', "AV has invalid value 'Z' (allowed: N, A, L, P)"],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', "AV has invalid value 'X' (allowed: N, A, L, P)"],
    ['CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H', 'missing mandatory metric PR'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N', 'missing mandatory metrics S, C, I, A'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:X', "unknown metric 'ZZ' for CVSS 3.1"],
    ['CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'metric AV is given more than once'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', "empty metric (stray '/')"],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A=H', "malformed metric 'A=H' (expected NAME:VALUE)"],
    ['CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', "unknown metric 'av' for CVSS 3.1"],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Q', "E has invalid value 'Q' (allowed: X, U, P, F, H)"],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', 'missing mandatory metric SA'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', "SI has invalid value 'S' (allowed: H, L, N)"],
    // a v3.1 vector labelled 4.0: S is Safety in v4.0
    ['CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', "S has invalid value 'U' (allowed: X, N, P)"],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/C:H', "unknown metric 'C' for CVSS 4.0"],
  ])('refuses %s', (vector, problem) => {
    expect(scoreCvss(vector)).toEqual({ ok: false, problem });
  });
});

describe('severityOf', () => {
  it.each([
    [0, 'none'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical'],
  ])('%d is %s', (score, severity) => {
    expect(severityOf(score)).toBe(severity);
  });
});
