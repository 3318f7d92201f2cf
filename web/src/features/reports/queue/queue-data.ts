import { useMemo } from 'react';
import type { Obligation, ReportSummary } from '../../../api/types';
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
/** The API caps a page at 200; filters the API lacks are applied to that many rows in the browser. */
export const CLIENT_WINDOW = 200;

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
 * The queue: the API filters by status, severity, assignee (or unassigned) and text; "due soon" and "overdue"
 * come from the obligations, so with one of them on the queue fetches the first CLIENT_WINDOW matches and
 * filters and pages them here.
 */
export function useQueue(filters: QueueFilters, table: TableState, meId: string, now: number) {
  const clientSide = filters.deadline !== 'all';
  const query: ReportListQuery = {
    q: filters.q || undefined,
    status: filters.status.length ? filters.status.join(',') : undefined,
    severity: filters.severity.length ? filters.severity.join(',') : undefined,
    assigneeId: filters.assignee === 'mine' ? meId : undefined,
    unassigned: filters.assignee === 'unassigned' ? true : undefined,
    sort: table.sort,
    order: table.order,
    limit: clientSide ? CLIENT_WINDOW : table.pageSize,
    offset: clientSide ? 0 : table.offset,
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

  const rows = useMemo(() => {
    const items = reports.data?.items;
    if (!items || !clientSide) return items;
    return items.filter((r: ReportSummary) => {
      const info = deadlines.get(r.id);
      if (filters.deadline === 'overdue' && !info?.overdue) return false;
      if (filters.deadline === 'due_soon' && !info?.dueSoon) return false;
      return true;
    });
  }, [reports.data, clientSide, filters.deadline, deadlines]);

  const total = clientSide ? (rows?.length ?? 0) : (reports.data?.total ?? 0);
  const pageRows = clientSide ? rows?.slice(table.offset, table.offset + table.pageSize) : rows;
  const truncated = clientSide && (reports.data?.total ?? 0) > CLIENT_WINDOW;
  return { reports, rows: pageRows, total, deadlines, truncated, error: reports.error ?? pending.error };
}
