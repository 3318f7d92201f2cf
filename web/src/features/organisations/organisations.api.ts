import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Org,
  OrgCreate,
  OrgKind,
  OrgStatusChange,
  OrgStatusHistoryEntry,
  OrgUpdate,
  Page,
  PageQuery,
} from '../../api/types';

export interface OrgListQuery extends PageQuery {
  q?: string;
  kind?: OrgKind;
}

export const orgKeys = {
  all: ['organisations'] as const,
  list: (query: OrgListQuery) => ['organisations', 'list', query] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
  history: (id: string) => ['organisations', 'history', id] as const,
};

export function useOrganisations(query: OrgListQuery, enabled = true) {
  return useQuery({
    queryKey: orgKeys.list(query),
    queryFn: () => api.get<Page<Org>>('/organisations', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// Option lists for selects; the API caps a page at 200, which covers a community's organisations.
export function useOrganisationOptions(enabled = true) {
  const query = useOrganisations({ limit: 200, sort: 'name', order: 'asc' }, enabled);
  const options = (query.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
  return { ...query, options };
}

export function useOrganisation(id: string) {
  return useQuery({ queryKey: orgKeys.detail(id), queryFn: () => api.get<Org>(`/organisations/${id}`) });
}

export function useStatusHistory(id: string) {
  return useQuery({
    queryKey: orgKeys.history(id),
    queryFn: () => api.get<{ items: OrgStatusHistoryEntry[] }>(`/organisations/${id}/status-history`),
  });
}

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgCreate) => api.post<Org>('/organisations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUpdate) => api.patch<Org>(`/organisations/${id}`, body),
    onSuccess: (org) => {
      client.setQueryData(orgKeys.detail(id), org);
      return client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export function useChangeOrgStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgStatusChange) => api.post<Org>(`/organisations/${id}/status`, body),
    onSuccess: (org) => {
      client.setQueryData(orgKeys.detail(id), org);
      return client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
