import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import type {
  AttachmentBody,
  AuditEntry,
  DuplicateSuggestion,
  Obligation,
  ObligationStatus,
  Page,
  PageQuery,
  Report,
  ReportAttachment,
  ReportComment,
  ReportCreated,
  ReportObligation,
  ReportSummary,
  ReportTransition,
  ReportVendor,
  StatementBody,
  Submission,
  SubmitReportBody,
  SubmitStageBody,
  TimelineBody,
  TransitionBody,
} from '../../api/types';

export interface ReportListQuery extends PageQuery {
  status?: string;
  severity?: string;
  assigneeId?: string;
  unassigned?: boolean;
  deadline?: 'due_soon' | 'overdue';
  q?: string;
}

export interface ObligationListQuery {
  status?: ObligationStatus;
  dueBefore?: string;
  reportId?: string;
  orgId?: string;
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (query: ReportListQuery) => ['reports', 'list', query] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  part: (id: string, part: string) => ['reports', 'detail', id, part] as const,
  obligations: (query: ObligationListQuery) => ['obligations', query] as const,
};

export function useReports(query: ReportListQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.list(query),
    queryFn: () => api.get<Page<ReportSummary>>('/reports', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The deadlines board API; also feeds the queue's "next deadline" column and due-soon / overdue filters. */
export function useObligations(query: ObligationListQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.obligations(query),
    queryFn: () => api.get<Page<Obligation>>('/obligations', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReport(id: string) {
  return useQuery({ queryKey: reportKeys.detail(id), queryFn: () => api.get<Report>(`/reports/${id}`) });
}

function useReportPart<T>(id: string, part: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.part(id, part),
    queryFn: () => api.get<{ items: T[] }>(`/reports/${id}/${part}`),
    enabled,
  });
}

export const useSubmissions = (id: string) => useReportPart<Submission>(id, 'submissions');
export const useReportObligations = (id: string) => useReportPart<ReportObligation>(id, 'obligations');
export const useTransitions = (id: string) => useReportPart<ReportTransition>(id, 'transitions');
export const useComments = (id: string, enabled = true) => useReportPart<ReportComment>(id, 'comments', enabled);
export const useVendors = (id: string) => useReportPart<ReportVendor>(id, 'vendors');
export const useAttachments = (id: string) => useReportPart<ReportAttachment>(id, 'attachments');
export const useDuplicates = (id: string, enabled: boolean) =>
  useReportPart<DuplicateSuggestion>(id, 'duplicates', enabled);

export function useReportAudit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.part(id, 'audit'),
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { subjectId: id, limit: 200, order: 'asc' }),
    enabled,
  });
}

export function useSubmitReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReportBody) => api.post<ReportCreated>('/reports', body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** Every change to a report refreshes the report and all its parts (obligations, audit, …). */
function useReportMutation<B, R>(call: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: reportKeys.all });
      await client.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
}

export const useSubmitStage = (id: string) =>
  useReportMutation((body: SubmitStageBody) => api.post<ReportCreated>(`/reports/${id}/submissions`, body));
export const useTransition = (id: string) =>
  useReportMutation((body: TransitionBody) => api.post<ReportSummary>(`/reports/${id}/transitions`, body));
export const useAssign = (id: string) =>
  useReportMutation((assigneeId: string | null) => api.put<ReportSummary>(`/reports/${id}/assignee`, { assigneeId }));
export const useCorrectTimeline = (id: string) =>
  useReportMutation((body: TimelineBody) => api.patch<Report>(`/reports/${id}/timeline`, body));
export const useAddComment = (id: string) =>
  useReportMutation((body: string) => api.post<ReportComment>(`/reports/${id}/comments`, { body }));
export const useAddVendor = (id: string) =>
  useReportMutation((orgId: string) => api.post<{ added: boolean }>(`/reports/${id}/vendors`, { orgId }));
export const useAddStatement = (id: string) =>
  useReportMutation((body: StatementBody) => api.post<unknown>(`/reports/${id}/statements`, body));
export const useAddAttachment = (id: string) =>
  useReportMutation((body: AttachmentBody) => api.post<ReportAttachment>(`/reports/${id}/attachments`, body));

/** Downloads go through fetch (same-origin cookie) so the browser saves the file under the server's name. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Download failed (${response.status})`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** POST /reports/import (CVE JSON 5 or CSAF 2.0). */
export type ImportReportBody = NonNullable<
  paths['/api/v1/reports/import']['post']['requestBody']
>['content']['application/json'];

export function useImportReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportReportBody) => api.post<{ items: ReportCreated[] }>('/reports/import', body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
