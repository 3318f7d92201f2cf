/**
 * ISO 8601 durations as reporting regimes write them (`P2D`, `PT24H`, `PT72H`, `P14D`, `P1M`).
 * Strict: whole numbers only, at least one component, a `T` only before time components, no negative or
 * fractional values, no mixing of weeks with other units (ISO 8601-1 §5.5.2.4 keeps `PnW` on its own).
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const pattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses a duration, or returns undefined if `text` is not one we accept. */
export function parseDuration(text: string): Duration | undefined {
  const match = pattern.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((v) => (v ? Number(v) : 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const given = match.slice(1).filter((v) => v !== undefined).length;
  if (match[3] !== undefined && given > 1) return undefined;
  return { years, months, weeks, days, hours, minutes, seconds };
}

export const isDuration = (text: string): boolean => parseDuration(text) !== undefined;

/**
 * Adds a duration in UTC. Years and months are calendar steps (clamped to the month's last day, as
 * 31 Jan + P1M = 28/29 Feb); days are 24 hours, since UTC has no daylight-saving shifts.
 */
export function addDuration(start: Date, d: Duration): Date {
  const result = new Date(start.getTime());
  if (d.years || d.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + d.years * 12 + d.months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const ms = ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(result.getTime() + ms);
}
