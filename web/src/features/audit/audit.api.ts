import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditCheckpoint, AuditEntry, AuditQuery, AuditVerifyResult, Page } from '../../api/types';

export function useAuditEntries(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => api.get<{ items: string[] }>('/audit/actions'),
    staleTime: 5 * 60_000,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit/verify') });
}

export function useCreateCheckpoint() {
  return useMutation({ mutationFn: () => api.post<AuditCheckpoint>('/audit/checkpoints') });
}

// Compact one-line rendering of a summary object: `key=value, key=value`, long values shortened.
export function compactSummary(summary: Record<string, unknown>, max = 140): string {
  const parts = Object.entries(summary).map(([key, value]) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${key}=${text && text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
  });
  const line = parts.join(', ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
