import type { ScorecardDto, StatisticsDto } from './scorecards.schemas.ts';

type Cell = string | number | null;

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  const cell = (value: Cell) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const ratio = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
const onTime = (met: number, late: number, missed: number) =>
  met + late + missed === 0 ? null : ratio(met / (met + late + missed));

/** One row per month and a totals row; the organisation is named in each row so merged files stay readable. */
export function scorecardCsv(card: ScorecardDto): string {
  const header = ['organisation', 'month', 'reports', 'obligations', 'met_on_time', 'late', 'missed', 'on_time_rate'];
  const months = card.trend.map((m) => [
    card.orgName,
    m.month,
    m.reports,
    m.obligations,
    m.metOnTime,
    m.late,
    m.missed,
    onTime(m.metOnTime, m.late, m.missed),
  ]);
  const sum = (key: 'reports' | 'obligations' | 'metOnTime' | 'late' | 'missed') =>
    card.trend.reduce((total, m) => total + m[key], 0);
  const totals = [
    card.orgName,
    'total',
    sum('reports'),
    sum('obligations'),
    sum('metOnTime'),
    sum('late'),
    sum('missed'),
    onTime(sum('metOnTime'), sum('late'), sum('missed')),
  ];
  return toCsv([header, ...months, totals]);
}

export function statisticsCsv(stats: StatisticsDto): string {
  const header = [
    'month',
    'reports',
    'critical',
    'high',
    'met_on_time',
    'late',
    'missed',
    'on_time_rate',
    'violations',
    'sanctions',
  ];
  const rows = stats.reportsPerMonth.map((r, i) => {
    const o = stats.obligationsPerMonth[i];
    const v = stats.violationsPerMonth[i];
    const s = stats.sanctionsPerMonth[i];
    return [
      r.month,
      r.reports,
      r.critical,
      r.high,
      o?.metOnTime ?? 0,
      o?.late ?? 0,
      o?.missed ?? 0,
      ratio(o?.onTimeRate ?? null),
      v?.violations ?? 0,
      s?.sanctions ?? 0,
    ];
  });
  const total = (index: number) => rows.reduce((sum, row) => sum + Number(row[index] ?? 0), 0);
  const totals = [
    'total',
    total(1),
    total(2),
    total(3),
    total(4),
    total(5),
    total(6),
    ratio(stats.onTimeRateAcrossPartners),
    total(8),
    total(9),
  ];
  return toCsv([header, ...rows, totals]);
}
