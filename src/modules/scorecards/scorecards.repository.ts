import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';

export interface Period {
  from: Date;
  to: Date;
}

export interface ObligationCounts {
  total: number;
  metOnTime: number;
  late: number;
  missed: number;
  pending: number;
  submissions: number;
  withAllRequiredFields: number;
  medianLatenessSeconds: number | null;
  worstLatenessSeconds: number | null;
}

export interface CoordinationCounts {
  requests: number;
  answered: number;
  medianResponseSeconds: number | null;
}

export interface MonthCount {
  month: string;
  [key: string]: string | number;
}

/** Drivers differ (node-postgres gives bigint and numeric as strings, PGlite as numbers): normalise here. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** 'YYYY-MM' of a timestamp, in UTC whatever the session's time zone. */
const monthOf = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM')`;

/** Obligations fall in a period by their due time, or their trigger time while they have no due time. */
const obligationTime = sql`coalesce(o.due_at, o.trigger_at)`;
const inPeriod = (column: SQL, p: Period) =>
  sql`${column} >= ${p.from.toISOString()}::timestamptz and ${column} < ${p.to.toISOString()}::timestamptz`;
const orgFilter = (column: SQL, orgId: string | undefined) =>
  orgId === undefined ? sql`true` : sql`${column} = ${orgId}::uuid`;

async function obligationCounts(db: Executor, period: Period, orgId?: string): Promise<ObligationCounts> {
  const [row] = await queryRows(
    db,
    sql`select
      count(*)::int as total,
      count(*) filter (where o.status = 'met')::int as met_on_time,
      count(*) filter (where o.status = 'late')::int as late,
      count(*) filter (where o.status = 'missed')::int as missed,
      count(*) filter (where o.status = 'pending')::int as pending,
      count(*) filter (where o.met_at is not null or cardinality(o.missing_fields) > 0)::int as submissions,
      count(*) filter (where o.met_at is not null)::int as with_all_required_fields,
      percentile_cont(0.5) within group (order by o.lateness_seconds)
        filter (where o.status = 'late') as median_lateness,
      (max(o.lateness_seconds) filter (where o.status = 'late'))::float8 as worst_lateness
    from obligations o
    where ${orgFilter(sql`o.org_id`, orgId)} and ${inPeriod(obligationTime, period)}`,
  );
  return {
    total: num(row?.total),
    metOnTime: num(row?.met_on_time),
    late: num(row?.late),
    missed: num(row?.missed),
    pending: num(row?.pending),
    submissions: num(row?.submissions),
    withAllRequiredFields: num(row?.with_all_required_fields),
    medianLatenessSeconds: numOrNull(row?.median_lateness),
    worstLatenessSeconds: numOrNull(row?.worst_lateness),
  };
}

async function obligationsPerMonth(db: Executor, period: Period, orgId?: string): Promise<MonthCount[]> {
  const rows = await queryRows(
    db,
    sql`select ${monthOf(obligationTime)} as month,
      count(*)::int as obligations,
      count(*) filter (where o.status = 'met')::int as met_on_time,
      count(*) filter (where o.status = 'late')::int as late,
      count(*) filter (where o.status = 'missed')::int as missed
    from obligations o
    where ${orgFilter(sql`o.org_id`, orgId)} and ${inPeriod(obligationTime, period)}
    group by 1`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    obligations: num(r.obligations),
    metOnTime: num(r.met_on_time),
    late: num(r.late),
    missed: num(r.missed),
  }));
}

async function reportsPerMonth(db: Executor, period: Period, orgId?: string): Promise<MonthCount[]> {
  const rows = await queryRows(
    db,
    sql`select ${monthOf(sql`r.received_at`)} as month, r.severity as severity, count(*)::int as n
    from reports r
    where ${orgFilter(sql`r.reporter_org_id`, orgId)} and ${inPeriod(sql`r.received_at`, period)}
    group by 1, 2`,
  );
  return rows.map((r) => ({ month: String(r.month), severity: String(r.severity), reports: num(r.n) }));
}

export interface SanctionMonth {
  month: string;
  sanctions: number;
  warnings: number;
  suspensions: number;
  revocations: number;
}

export const scorecardsRepository = {
  obligationCounts,
  obligationsPerMonth,
  reportsPerMonth,

  /** Coordination requests: the reports this organisation was brought into as a vendor, and its first answer. */
  coordination: async (db: Executor, period: Period, orgId: string): Promise<CoordinationCounts> => {
    const [row] = await queryRows(
      db,
      sql`with requests as (
        select rv.added_at,
          (select min(vs.created_at) from vendor_statements vs
            where vs.report_id = rv.report_id and vs.org_id = rv.org_id) as first_answer
        from report_vendors rv
        where rv.org_id = ${orgId}::uuid and ${inPeriod(sql`rv.added_at`, period)}
      )
      select count(*)::int as requests,
        count(first_answer)::int as answered,
        percentile_cont(0.5) within group (order by extract(epoch from (first_answer - added_at)))
          filter (where first_answer is not null) as median_response
      from requests`,
    );
    return {
      requests: num(row?.requests),
      answered: num(row?.answered),
      medianResponseSeconds: numOrNull(row?.median_response),
    };
  },

  /** Seconds from awareness to the report reaching the platform, median over reports received in the period. */
  medianTimeToReport: async (db: Executor, period: Period): Promise<number | null> => {
    const [row] = await queryRows(
      db,
      sql`select percentile_cont(0.5) within group (order by extract(epoch from (r.received_at - r.aware_at))) as m
      from reports r
      where r.aware_at is not null and ${inPeriod(sql`r.received_at`, period)}`,
    );
    return numOrNull(row?.m);
  },

  /** Obligations open right now, whatever their due time: pending, and missed (not met at all yet). */
  openObligations: async (db: Executor): Promise<{ pending: number; missed: number }> => {
    const [row] = await queryRows(
      db,
      sql`select count(*) filter (where status = 'pending')::int as pending,
        count(*) filter (where status = 'missed')::int as missed
      from obligations where status in ('pending', 'missed')`,
    );
    return { pending: num(row?.pending), missed: num(row?.missed) };
  },

  violationsPerMonth: async (db: Executor, period: Period): Promise<MonthCount[]> => {
    const rows = await queryRows(
      db,
      sql`select ${monthOf(sql`v.opened_at`)} as month, count(*)::int as n
      from violations v where ${inPeriod(sql`v.opened_at`, period)} group by 1`,
    );
    return rows.map((r) => ({ month: String(r.month), violations: num(r.n) }));
  },

  /** Sanctions that came into force (or are scheduled) per month of their start, by measure. */
  sanctionsPerMonth: async (db: Executor, period: Period): Promise<SanctionMonth[]> => {
    const rows = await queryRows(
      db,
      sql`select ${monthOf(sql`s.starts_at`)} as month, count(*)::int as n,
        count(*) filter (where s.measure = 'warning')::int as warnings,
        count(*) filter (where s.measure = 'suspension')::int as suspensions,
        count(*) filter (where s.measure = 'revocation')::int as revocations
      from sanctions s
      where s.status in ('scheduled', 'in_force', 'under_review', 'completed') and ${inPeriod(sql`s.starts_at`, period)}
      group by 1`,
    );
    return rows.map((r) => ({
      month: String(r.month),
      sanctions: num(r.n),
      warnings: num(r.warnings),
      suspensions: num(r.suspensions),
      revocations: num(r.revocations),
    }));
  },
};
