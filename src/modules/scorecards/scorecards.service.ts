import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { forbidden, validationError } from '../../shared/errors.ts';
import type { Principal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { canReadScorecard, canReadStatistics } from './scorecards.policy.ts';
import { type MonthCount, type Period, scorecardsRepository as repo } from './scorecards.repository.ts';
import {
  type PeriodQuery,
  type ScorecardDto,
  type ScorecardMonth,
  type Severity,
  type StatisticsDto,
  severities,
} from './scorecards.schemas.ts';

export interface ScorecardsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'deny'>;
  organisations: Pick<OrganisationsService, 'getOrganisation'>;
}

/** Ten years of months is more than any chart or CSV needs; longer asks are a mistake, not a report. */
const MAX_MONTHS = 120;

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** Every month the period touches, oldest first (UTC), so charts and CSV show empty months as zeros. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth(), 1));
  const last = monthKey(new Date(period.to.getTime() - 1));
  while (monthKey(cursor) <= last) {
    months.push(monthKey(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** `to` defaults to now, `from` to twelve calendar months before `to`; `from` must come before `to`. */
export function resolvePeriod(query: PeriodQuery, now: Date): Period {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to);
  if (!query.from) from.setUTCMonth(from.getUTCMonth() - 12);
  if (from.getTime() >= to.getTime()) {
    throw validationError('scorecard.invalid_period', 'The period must start before it ends', [
      { pointer: '/from', detail: 'must be before to' },
    ]);
  }
  if (monthsOf({ from, to }).length > MAX_MONTHS) {
    throw validationError('scorecard.period_too_long', `The period may span at most ${MAX_MONTHS} months`, [
      { pointer: '/from', detail: `must be within ${MAX_MONTHS} months of to` },
    ]);
  }
  return { from, to };
}

const byMonth = (rows: MonthCount[]) => new Map(rows.map((r) => [r.month, r]));
const field = (row: MonthCount | undefined, key: string): number => Number(row?.[key] ?? 0);

function severityTotals(rows: MonthCount[]): Record<Severity, number> {
  const totals = Object.fromEntries(severities.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of rows) {
    const key = (severities as readonly string[]).includes(String(r.severity)) ? (r.severity as Severity) : 'unknown';
    totals[key] += field(r, 'reports');
  }
  return totals;
}

function reportsByMonth(rows: MonthCount[]) {
  const out = new Map<string, { reports: number; critical: number; high: number }>();
  for (const r of rows) {
    const entry = out.get(r.month) ?? { reports: 0, critical: 0, high: 0 };
    const n = field(r, 'reports');
    entry.reports += n;
    if (r.severity === 'critical') entry.critical += n;
    if (r.severity === 'high') entry.high += n;
    out.set(r.month, entry);
  }
  return out;
}

export function createScorecardsService({ db, clock, audit, organisations }: ScorecardsDeps) {
  async function getScorecard(actor: Principal, orgId: string, query: PeriodQuery): Promise<ScorecardDto> {
    // The organisation directory is not secret (partners see names on reports); its compliance data is.
    if (!canReadScorecard(actor, orgId)) {
      throw await audit.deny(
        actor,
        { action: 'scorecard.read', orgId, subjectType: 'organisation', subjectId: orgId },
        forbidden('scorecard.forbidden', "Only the operator and the organisation's own users read its scorecard"),
      );
    }
    const org = await organisations.getOrganisation(actor, orgId);
    const period = resolvePeriod(query, clock.now());
    const [counts, perMonth, reportRows, coordination] = await Promise.all([
      repo.obligationCounts(db, period, orgId),
      repo.obligationsPerMonth(db, period, orgId),
      repo.reportsPerMonth(db, period, orgId),
      repo.coordination(db, period, orgId),
    ]);
    const obligationMonths = byMonth(perMonth);
    const reportMonths = reportsByMonth(reportRows);
    const trend: ScorecardMonth[] = monthsOf(period).map((month) => {
      const o = obligationMonths.get(month);
      return {
        month,
        reports: reportMonths.get(month)?.reports ?? 0,
        obligations: field(o, 'obligations'),
        metOnTime: field(o, 'metOnTime'),
        late: field(o, 'late'),
        missed: field(o, 'missed'),
      };
    });
    return {
      orgId: org.id,
      orgName: org.name,
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      obligations: {
        total: counts.total,
        metOnTime: counts.metOnTime,
        late: counts.late,
        missed: counts.missed,
        pending: counts.pending,
        onTimeRate: rate(counts.metOnTime, counts.metOnTime + counts.late + counts.missed),
      },
      lateness: { medianSeconds: counts.medianLatenessSeconds, worstSeconds: counts.worstLatenessSeconds },
      completeness: {
        submissions: counts.submissions,
        withAllRequiredFields: counts.withAllRequiredFields,
        rate: rate(counts.withAllRequiredFields, counts.submissions),
      },
      coordination: { ...coordination, responseRate: rate(coordination.answered, coordination.requests) },
      warnings: null,
      reportsBySeverity: severityTotals(reportRows),
      trend,
    };
  }

  async function getStatistics(actor: Principal, query: PeriodQuery): Promise<StatisticsDto> {
    if (!canReadStatistics(actor)) {
      throw await audit.deny(
        actor,
        { action: 'statistics.read' },
        forbidden('statistics.forbidden', 'Only operator staff read the platform statistics'),
      );
    }
    const period = resolvePeriod(query, clock.now());
    const [counts, perMonth, reportRows, medianTimeToReport, open, violations, sanctions] = await Promise.all([
      repo.obligationCounts(db, period),
      repo.obligationsPerMonth(db, period),
      repo.reportsPerMonth(db, period),
      repo.medianTimeToReport(db, period),
      repo.openObligations(db),
      repo.violationsPerMonth(db, period),
      repo.sanctionsPerMonth(db, period),
    ]);
    const months = monthsOf(period);
    const obligationMonths = byMonth(perMonth);
    const reportMonths = reportsByMonth(reportRows);
    const violationMonths = byMonth(violations);
    return {
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      reportsPerMonth: months.map((month) => ({
        month,
        ...(reportMonths.get(month) ?? { reports: 0, critical: 0, high: 0 }),
      })),
      obligationsPerMonth: months.map((month) => {
        const o = obligationMonths.get(month);
        const [met, late, missed] = [field(o, 'metOnTime'), field(o, 'late'), field(o, 'missed')];
        return { month, metOnTime: met, late, missed, onTimeRate: rate(met, met + late + missed) };
      }),
      onTimeRateAcrossPartners: rate(counts.metOnTime, counts.metOnTime + counts.late + counts.missed),
      medianTimeToReportSeconds: medianTimeToReport,
      openObligations: open,
      violationsPerMonth: months.map((month) => ({
        month,
        violations: field(violationMonths.get(month), 'violations'),
      })),
      sanctionsPerMonth: months.map(
        (month) =>
          sanctions.find((s) => s.month === month) ?? {
            month,
            sanctions: 0,
            warnings: 0,
            suspensions: 0,
            revocations: 0,
          },
      ),
    };
  }

  return { getScorecard, getStatistics };
}

export type ScorecardsService = ReturnType<typeof createScorecardsService>;
