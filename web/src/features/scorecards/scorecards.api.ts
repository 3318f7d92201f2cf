import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildQuery } from '../../api/client';
import type { Scorecard, Statistics } from '../../api/types';

/** A period as the API takes it; both ends optional (the API defaults to the last 12 months). */
export interface PeriodParams {
  from?: string;
  to?: string;
}

export const scorecardKeys = {
  scorecard: (orgId: string, period: PeriodParams) => ['scorecards', orgId, period] as const,
  statistics: (period: PeriodParams) => ['statistics', period] as const,
};

export function useScorecard(orgId: string, period: PeriodParams) {
  return useQuery({
    queryKey: scorecardKeys.scorecard(orgId, period),
    queryFn: () => api.get<Scorecard>(`/organisations/${orgId}/scorecard`, { ...period }),
    placeholderData: keepPreviousData,
    enabled: orgId !== '',
  });
}

export function useStatistics(period: PeriodParams) {
  return useQuery({
    queryKey: scorecardKeys.statistics(period),
    queryFn: () => api.get<Statistics>('/statistics', { ...period }),
    placeholderData: keepPreviousData,
  });
}

// CSV downloads are plain links: same origin, the session cookie goes along, GET needs no CSRF token.
export const scorecardCsvUrl = (orgId: string, period: PeriodParams) =>
  `/api/v1/organisations/${orgId}/scorecard.csv${buildQuery({ ...period })}`;
export const statisticsCsvUrl = (period: PeriodParams) => `/api/v1/statistics.csv${buildQuery({ ...period })}`;
