import { createHash } from 'node:crypto';
import { checkAttachment } from '../../shared/attachments.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Principal } from '../../shared/principal.ts';
import type { Tier } from '../keys/index.ts';
import { attachmentsRepository as repo } from './attachments.repository.ts';
import { loadVisible, type ReportsDeps } from './reports.context.ts';
import { canComment } from './reports.policy.ts';

export { ATTACHMENT_MAX_BYTES, acceptedMediaTypes } from '../../shared/attachments.ts';

export function createAttachments(deps: ReportsDeps) {
  const { db, clock, audit, keys } = deps;
  const context = (reportId: string, id: string) => `report:${reportId}:attachment:${id}`;

  keys.registerStore({
    name: 'attachments',
    async reencrypt(tx, rewrap) {
      const rows = await repo.all(tx);
      for (const row of rows) await repo.setContent(tx, row.id, rewrap(row.contentEnc, context(row.reportId, row.id)));
      return rows.length;
    },
  });

  return {
    async addAttachment(
      actor: Principal,
      reportId: string,
      file: { filename: string; mediaType: string; content: Buffer },
    ) {
      const { report, relation } = await loadVisible(deps, actor, reportId);
      if (!canComment(actor, relation)) {
        throw await audit.deny(
          actor,
          { action: 'report.attach', orgId: report.reporterOrgId, subjectType: 'report', subjectId: reportId },
          forbidden('report.attach_forbidden', 'Only the reporter and operator analysts attach files'),
        );
      }
      checkAttachment(file.filename, file.mediaType, file.content);
      const id = newId();
      const row = {
        id,
        reportId,
        filename: file.filename,
        mediaType: file.mediaType,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        contentEnc: keys.encrypt(report.tier as Tier, file.content, context(reportId, id)),
        uploadedBy: actor.label,
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await audit.record(tx, actor, {
          action: 'report.attachment_added',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: reportId,
          summary: { ref: report.ref, attachmentId: id, filename: row.filename, size: row.size, sha256: row.sha256 },
        });
      });
      const { contentEnc: _sealed, ...meta } = row;
      return meta;
    },

    async listAttachments(actor: Principal, reportId: string) {
      const { relation } = await loadVisible(deps, actor, reportId);
      return relation === 'vendor' ? [] : repo.list(db, reportId);
    },

    async readAttachment(actor: Principal, reportId: string, id: string) {
      const { relation } = await loadVisible(deps, actor, reportId);
      const row = relation === 'vendor' ? undefined : await repo.find(db, reportId, id);
      if (!row) throw notFound('attachment.not_found', `Attachment ${id} not found`);
      return { ...row, content: keys.decrypt(row.contentEnc, context(reportId, id)) };
    },
  };
}
