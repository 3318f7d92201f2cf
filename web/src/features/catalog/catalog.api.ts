import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CveDetail, CveSummary, KevEntry, Page, PageQuery } from '../../api/types';

export interface CveListQuery extends PageQuery {
  q?: string;
  kev?: boolean;
}

export const catalogKeys = {
  all: ['catalog'] as const,
  cves: (query: CveListQuery) => ['catalog', 'cves', query] as const,
  cve: (id: string) => ['catalog', 'cve', id] as const,
  kev: (query: PageQuery & { q?: string }) => ['catalog', 'kev', query] as const,
};

export function useCves(query: CveListQuery) {
  return useQuery({
    queryKey: catalogKeys.cves(query),
    queryFn: () => api.get<Page<CveSummary>>('/catalog/cves', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useCve(cveId: string) {
  return useQuery({ queryKey: catalogKeys.cve(cveId), queryFn: () => api.get<CveDetail>(`/catalog/cves/${cveId}`) });
}

export function useKevEntries(query: PageQuery & { q?: string }) {
  return useQuery({
    queryKey: catalogKeys.kev(query),
    queryFn: () => api.get<Page<KevEntry>>('/catalog/kev', { ...query }),
    placeholderData: keepPreviousData,
  });
}
