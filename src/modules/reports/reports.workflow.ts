import { conflict, forbidden, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Principal } from '../../shared/principal.ts';
import { loadVisible, type ReportsDeps, seal, unseal, viewerOf } from './reports.context.ts';
import { canComment, canMove, canTriage, nextStatuses } from './reports.policy.ts';
import { type ReportRow, reportsRepository as repo } from './reports.repository.ts';
import type { ReportStatus } from './reports.schemas.ts';

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );

/** Jaccard similarity of the titles' words. */
export function titleSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export interface DuplicateSuggestion {
  report: ReportRow;
  reasons: string[];
  score: number;
}

/** Same CVE id, or same product with a shared CWE and a similar title: the analyst decides. */
export function rankDuplicates(report: ReportRow, candidates: ReportRow[]): DuplicateSuggestion[] {
  const suggestions: DuplicateSuggestion[] = [];
  for (const other of candidates) {
    const reasons: string[] = [];
    if (report.cveId && other.cveId === report.cveId) reasons.push(`same CVE id ${report.cveId}`);
    const sharedCwe = report.cwes.filter((c) => other.cwes.includes(c));
    const similarity = titleSimilarity(report.title, other.title);
    if (sharedCwe.length > 0 && similarity >= 0.3) {
      reasons.push(`same product, ${sharedCwe.join(', ')}, similar title (${Math.round(similarity * 100)}%)`);
    }
    if (reasons.length > 0) suggestions.push({ report: other, reasons, score: reasons.length + similarity });
  }
  return suggestions.sort((a, b) => b.score - a.score);
}

export function createWorkflow(deps: ReportsDeps) {
  const { db, clock, audit } = deps;

  async function requireTriager(actor: Principal, report: ReportRow, attempted: string) {
    if (canTriage(actor)) return;
    throw await audit.deny(
      actor,
      { action: attempted, orgId: report.reporterOrgId, subjectType: 'report', subjectId: report.id },
      forbidden('report.triage_forbidden', 'Only operator analysts and admins triage reports'),
    );
  }

  return {
    async transition(actor: Principal, id: string, to: ReportStatus, reason: string, duplicateOf?: string) {
      const { report } = await loadVisible(deps, actor, id);
      await requireTriager(actor, report, 'report.transition');
      if (to === 'duplicate') {
        if (!duplicateOf) {
          throw validationError('report.duplicate_of_required', 'Name the report this one duplicates', [
            { pointer: '/duplicateOf', detail: 'is required when marking a duplicate' },
          ]);
        }
        if (duplicateOf === id || !(await repo.findVisible(db, duplicateOf, viewerOf(actor)))) {
          throw validationError('report.duplicate_of_invalid', `Report ${duplicateOf} cannot be the original`, [
            { pointer: '/duplicateOf', detail: 'must be another existing report' },
          ]);
        }
      }
      return db.transaction(async (tx) => {
        const current = (await repo.findVisible(tx, id, viewerOf(actor), true))!;
        const from = current.status as ReportStatus;
        if (!canMove(from, to)) {
          const next = nextStatuses(from);
          throw conflict(
            'report.illegal_transition',
            `A report cannot go from ${from} to ${to}${next.length ? ` (allowed: ${next.join(', ')})` : ' (it is closed)'}`,
          );
        }
        const now = clock.now();
        const updated = await repo.update(tx, id, {
          status: to,
          duplicateOf: to === 'duplicate' ? (duplicateOf ?? null) : current.duplicateOf,
          updatedAt: now,
        });
        await repo.insertTransition(tx, {
          id: newId(),
          reportId: id,
          fromStatus: from,
          toStatus: to,
          reason,
          actorId: actor.userId,
          actorLabel: actor.label,
          at: now,
        });
        await audit.record(tx, actor, {
          action: 'report.transitioned',
          orgId: current.reporterOrgId,
          subjectType: 'report',
          subjectId: id,
          summary: { ref: current.ref, from, to, reason, ...(duplicateOf ? { duplicateOf } : {}) },
        });
        return updated;
      });
    },

    async assign(
      actor: Principal,
      id: string,
      assigneeId: string | null,
      findUser: (id: string) => Promise<{ orgKind: string; role: string; name: string } | undefined>,
    ) {
      const { report } = await loadVisible(deps, actor, id);
      await requireTriager(actor, report, 'report.assign');
      if (assigneeId) {
        const user = await findUser(assigneeId);
        if (!user || user.orgKind !== 'operator' || !['admin', 'analyst'].includes(user.role)) {
          throw validationError('report.assignee_invalid', 'Reports are assigned to operator analysts or admins', [
            { pointer: '/assigneeId', detail: 'must be an operator analyst or admin' },
          ]);
        }
      }
      return db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, { assigneeId, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          action: 'report.assigned',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: id,
          summary: { ref: report.ref, from: report.assigneeId, to: assigneeId },
        });
        return updated;
      });
    },

    async suggestDuplicates(actor: Principal, id: string) {
      const { report } = await loadVisible(deps, actor, id);
      await requireTriager(actor, report, 'report.duplicates');
      return rankDuplicates(report, await repo.candidates(db, viewerOf(actor), report));
    },

    async addComment(actor: Principal, id: string, body: string) {
      const { report, relation } = await loadVisible(deps, actor, id);
      if (!canComment(actor, relation)) {
        throw await audit.deny(
          actor,
          { action: 'report.comment', orgId: report.reporterOrgId, subjectType: 'report', subjectId: id },
          forbidden('report.comment_forbidden', 'The thread is between the operator and the reporter'),
        );
      }
      const row = {
        id: newId(),
        reportId: id,
        authorId: actor.userId,
        authorLabel: actor.label,
        authorOrgId: actor.orgId,
        bodyEnc: '',
        createdAt: clock.now(),
      };
      row.bodyEnc = seal(deps, report.tier, id, `comment:${row.id}`, body);
      await db.transaction(async (tx) => {
        await repo.insertComment(tx, row);
        await audit.record(tx, actor, {
          action: 'report.commented',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: id,
          summary: { ref: report.ref, commentId: row.id },
        });
      });
      return { ...row, body };
    },

    async listComments(actor: Principal, id: string) {
      const { relation } = await loadVisible(deps, actor, id);
      if (relation === 'vendor') throw notFound('report.comments_not_found', 'No comments for you on this report');
      return (await repo.listComments(db, id)).map((c) => ({
        ...c,
        body: unseal<string>(deps, id, `comment:${c.id}`, c.bodyEnc),
      }));
    },
  };
}
