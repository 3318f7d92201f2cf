import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, Violation } from '../../api/types';

export interface ViolationListQuery {
  orgId?: string;
  status?: Violation['status'];
  limit?: number;
  offset?: number;
}

export const violationKeys = {
  all: ['violations'] as const,
  list: (query: ViolationListQuery) => ['violations', 'list', query] as const,
  detail: (id: string) => ['violations', 'detail', id] as const,
};

/** Operator staff see every organisation's violations; anyone else only their own. */
export function useViolations(query: ViolationListQuery, enabled = true) {
  return useQuery({
    queryKey: violationKeys.list(query),
    queryFn: () => api.get<Page<Violation>>('/violations', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useViolation(id: string | null) {
  return useQuery({
    queryKey: violationKeys.detail(id ?? ''),
    queryFn: () => api.get<Violation>(`/violations/${id}`),
    enabled: Boolean(id),
  });
}
