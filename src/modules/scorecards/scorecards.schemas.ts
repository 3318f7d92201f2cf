import { type Static, Type } from 'typebox';
import { DateTime, Nullable, Uuid } from '../../http/schemas.ts';

const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'null when there is nothing to divide by' }));
const Seconds = Nullable(Type.Number({ description: 'seconds; null when there is nothing to measure' }));
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM (UTC)' });

export const PeriodQuery = Type.Object(
  {
    from: Type.Optional({ ...DateTime, description: 'start (inclusive); default: `to` minus 12 months' }),
    to: Type.Optional({ ...DateTime, description: 'end (exclusive); default: now' }),
  },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;

const PeriodDto = Type.Object({ from: DateTime, to: DateTime });

export const severities = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof severities)[number];

export const ScorecardMonth = Type.Object({
  month: Month,
  reports: Count,
  obligations: Count,
  metOnTime: Count,
  late: Count,
  missed: Count,
});
export type ScorecardMonth = Static<typeof ScorecardMonth>;

export const ScorecardDto = Type.Object(
  {
    orgId: Uuid,
    orgName: Type.String(),
    period: PeriodDto,
    obligations: Type.Object({
      total: Count,
      metOnTime: Count,
      late: Count,
      missed: Count,
      pending: Count,
      onTimeRate: Rate,
    }),
    lateness: Type.Object({ medianSeconds: Seconds, worstSeconds: Seconds }),
    completeness: Type.Object({ submissions: Count, withAllRequiredFields: Count, rate: Rate }),
    coordination: Type.Object({
      requests: Count,
      answered: Count,
      responseRate: Rate,
      medianResponseSeconds: Seconds,
    }),
    warnings: Type.Null({ description: 'warnings are not issued yet: always null until they are' }),
    reportsBySeverity: Type.Object(
      Object.fromEntries(severities.map((s) => [s, Count])) as Record<Severity, typeof Count>,
    ),
    trend: Type.Array(ScorecardMonth),
  },
  { $id: 'Scorecard' },
);
export type ScorecardDto = Static<typeof ScorecardDto>;

export const StatisticsDto = Type.Object(
  {
    period: PeriodDto,
    reportsPerMonth: Type.Array(Type.Object({ month: Month, reports: Count, critical: Count, high: Count })),
    obligationsPerMonth: Type.Array(
      Type.Object({ month: Month, metOnTime: Count, late: Count, missed: Count, onTimeRate: Rate }),
    ),
    onTimeRateAcrossPartners: Rate,
    medianTimeToReportSeconds: Seconds,
    openObligations: Type.Object({ pending: Count, missed: Count }),
    violationsPerMonth: Type.Array(Type.Object({ month: Month, violations: Count })),
    sanctionsPerMonth: Type.Array(
      Type.Object({ month: Month, sanctions: Count, warnings: Count, suspensions: Count, revocations: Count }),
      { description: 'sanctions that came into force (or are scheduled) per month of their start, by measure' },
    ),
  },
  { $id: 'Statistics' },
);
export type StatisticsDto = Static<typeof StatisticsDto>;
