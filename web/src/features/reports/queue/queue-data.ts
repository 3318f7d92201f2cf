import { useMemo } from 'react';
import type { Obligation } from '../../../api/types';
import type { TableState } from '../../../components/table-state';
import { type ReportListQuery, useObligations, useReports } from '../reports.api';

export type AssigneeFilter = 'all' | 'unassigned' | 'mine';
export type DeadlineFilter = 'all' | 'due_soon' | 'overdue';

export interface QueueFilters {
  q: string;
  status: string[];
  severity: string[];
  assignee: AssigneeFilter;
  deadline: DeadlineFilter;
}

export const DUE_SOON_HOURS = 48;
export interface DeadlineInfo {
  /** The soonest open (pending) obligation, or the first missed one. */
  next: Obligation | undefined;
  overdue: boolean;
  dueSoon: boolean;
}

/** Per report: the nearest open deadline, and whether one is overdue (missed, or pending past due). */
export function deadlinesByReport(pending: Obligation[], missed: Obligation[], now: number): Map<string, DeadlineInfo> {
  const result = new Map<string, DeadlineInfo>();
  const soon = now + DUE_SOON_HOURS * 3600_000;
  for (const o of [...missed, ...pending]) {
    const info = result.get(o.reportId) ?? { next: undefined, overdue: false, dueSoon: false };
    const due = o.dueAt ? new Date(o.dueAt).getTime() : undefined;
    if (o.status === 'missed' || (due !== undefined && due < now)) info.overdue = true;
    if (o.status === 'pending' && due !== undefined && due >= now && due <= soon) info.dueSoon = true;
    const current = info.next?.dueAt ? new Date(info.next.dueAt).getTime() : Number.POSITIVE_INFINITY;
    if (!info.next || (due !== undefined && due < current)) info.next = o;
    result.set(o.reportId, info);
  }
  return result;
}

/**
 * The queue: the API filters by status, severity, assignee (or unassigned), deadline and text, and pages;
 * the obligations give each row its nearest deadline and countdown.
 */
export function useQueue(filters: QueueFilters, table: TableState, meId: string, now: number) {
  const query: ReportListQuery = {
    q: filters.q || undefined,
    status: filters.status.length ? filters.status.join(',') : undefined,
    severity: filters.severity.length ? filters.severity.join(',') : undefined,
    assigneeId: filters.assignee === 'mine' ? meId : undefined,
    unassigned: filters.assignee === 'unassigned' ? true : undefined,
    deadline: filters.deadline === 'all' ? undefined : filters.deadline,
    sort: table.sort,
    order: table.order,
    limit: table.pageSize,
    offset: table.offset,
  };
  const reports = useReports(query);
  const pending = useObligations({ status: 'pending', limit: 200, order: 'asc' });
  const missed = useObligations({ status: 'missed', limit: 200, order: 'asc' });
  // Recomputed once a minute (now is coarse), not on every tick of the countdowns.
  const minute = Math.floor(now / 60_000);
  const deadlines = useMemo(
    () => deadlinesByReport(pending.data?.items ?? [], missed.data?.items ?? [], minute * 60_000),
    [pending.data, missed.data, minute],
  );

  return {
    reports,
    rows: reports.data?.items,
    total: reports.data?.total ?? 0,
    deadlines,
    error: reports.error ?? pending.error,
  };
}
