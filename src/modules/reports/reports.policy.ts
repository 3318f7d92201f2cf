import { hasRole, isOperator, isSystem, type Principal } from '../../shared/principal.ts';
import type { ReportStatus } from './reports.schemas.ts';

/** How an actor relates to a report: decides what they see and may do. */
export type Relation = 'operator' | 'reporter' | 'vendor' | 'none';

export function relationTo(p: Principal, report: { reporterOrgId: string }, vendorOrgIds: readonly string[]): Relation {
  if (isOperator(p)) return 'operator';
  if (p.orgId && p.orgId === report.reporterOrgId) return 'reporter';
  if (p.orgId && vendorOrgIds.includes(p.orgId)) return 'vendor';
  return 'none';
}

/** Partners, researchers and members report; viewers only read. */
export const canSubmitReports = (p: Principal): boolean =>
  isSystem(p) || (p.orgId !== null && hasRole(p, 'admin', 'analyst', 'reporter'));

/** Operator analysts and admins triage, coordinate and publish. */
export const canTriage = (p: Principal): boolean => isSystem(p) || (isOperator(p) && hasRole(p, 'admin', 'analyst'));

export const canSubmitStage = (p: Principal, relation: Relation): boolean =>
  relation === 'reporter' && canSubmitReports(p);

/** The thread is between the operator and the reporter; vendors answer through statements. */
export const canComment = (p: Principal, relation: Relation): boolean =>
  (relation === 'operator' && canTriage(p)) || (relation === 'reporter' && canSubmitReports(p));

export const canAnswerAsVendor = (p: Principal, relation: Relation): boolean =>
  relation === 'vendor' && hasRole(p, 'admin', 'analyst', 'reporter');

/** The triage workflow. Every move needs a reason; rejected and duplicate reports can be reopened. */
const transitions: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['triaged', 'rejected', 'duplicate'],
  triaged: ['confirmed', 'rejected', 'duplicate'],
  confirmed: ['coordinating', 'fix_available', 'published', 'closed'],
  coordinating: ['fix_available', 'closed'],
  fix_available: ['published', 'closed'],
  published: ['closed'],
  rejected: ['triaged'],
  duplicate: ['triaged'],
  closed: [],
};

export const nextStatuses = (from: ReportStatus): readonly ReportStatus[] => transitions[from];
export const canMove = (from: ReportStatus, to: ReportStatus): boolean => transitions[from].includes(to);
