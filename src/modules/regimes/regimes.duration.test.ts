import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration } from './regimes.duration.ts';

describe('ISO 8601 durations', () => {
  it('parses the periods regimes use', () => {
    expect(parseDuration('P2D')).toMatchObject({ days: 2, hours: 0 });
    expect(parseDuration('PT24H')).toMatchObject({ days: 0, hours: 24 });
    expect(parseDuration('P1Y2M3DT4H5M6S')).toEqual({
      years: 1,
      months: 2,
      weeks: 0,
      days: 3,
      hours: 4,
      minutes: 5,
      seconds: 6,
    });
    expect(parseDuration('P2W')).toMatchObject({ weeks: 2 });
  });

  it('refuses what is not a strict duration', () => {
    for (const bad of ['', 'P', 'PT', 'P1DT', '2D', 'P-1D', 'P1.5D', 'PT1D', 'P1H', 'p2d', 'P1W2D', ' P2D']) {
      expect(parseDuration(bad), bad).toBeUndefined();
    }
  });

  it('adds in UTC: days are 24 h, months are calendar months clamped to the month end', () => {
    const start = new Date('2021-11-24T00:00:00Z');
    expect(addDuration(start, parseDuration('P2D')!).toISOString()).toBe('2021-11-26T00:00:00.000Z');
    expect(addDuration(start, parseDuration('PT72H')!).toISOString()).toBe('2021-11-27T00:00:00.000Z');
    expect(addDuration(new Date('2024-01-31T10:00:00Z'), parseDuration('P1M')!).toISOString()).toBe(
      '2024-02-29T10:00:00.000Z',
    );
    expect(addDuration(new Date('2024-03-30T10:00:00Z'), parseDuration('P1D')!).toISOString()).toBe(
      '2024-03-31T10:00:00.000Z',
    );
  });
});
