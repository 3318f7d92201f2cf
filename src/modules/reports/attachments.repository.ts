import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { attachments } from '../../db/schema/index.ts';

export type AttachmentRow = typeof attachments.$inferSelect;
const meta = {
  id: attachments.id,
  reportId: attachments.reportId,
  filename: attachments.filename,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};
export type AttachmentMeta = Omit<AttachmentRow, 'contentEnc'>;

export const attachmentsRepository = {
  insert: async (db: Executor, row: AttachmentRow): Promise<void> => {
    await db.insert(attachments).values(row);
  },
  list: (db: Executor, reportId: string): Promise<AttachmentMeta[]> =>
    db.select(meta).from(attachments).where(eq(attachments.reportId, reportId)).orderBy(asc(attachments.createdAt)),
  find: async (db: Executor, reportId: string, id: string): Promise<AttachmentRow | undefined> =>
    (
      await db
        .select()
        .from(attachments)
        .where(and(eq(attachments.reportId, reportId), eq(attachments.id, id)))
    )[0],
  /** Every sealed attachment, for key rotation. */
  all: (db: Executor) =>
    db
      .select({ id: attachments.id, reportId: attachments.reportId, contentEnc: attachments.contentEnc })
      .from(attachments),
  setContent: async (db: Executor, id: string, contentEnc: string): Promise<void> => {
    await db.update(attachments).set({ contentEnc }).where(eq(attachments.id, id));
  },
};
