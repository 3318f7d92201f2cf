import { eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { reportComments, reportSubmissions, reports } from '../../db/schema/index.ts';
import type { EncryptedStore } from '../keys/index.ts';

/**
 * The report data sealed under tier keys, for `keys rotate`: each rewrapped with the context it was sealed
 * with. Kept beside the repository because it is SQL, and registered by the service factory.
 */
export const reportStores: EncryptedStore[] = [
  {
    name: 'report texts',
    async reencrypt(tx: Executor, rewrap) {
      const rows = await tx
        .select({ id: reports.id, texts: reports.descriptionEnc, evidence: reports.exploitationEvidenceEnc })
        .from(reports);
      for (const row of rows) {
        await tx
          .update(reports)
          .set({
            descriptionEnc: rewrap(row.texts, `report:${row.id}:texts`),
            exploitationEvidenceEnc: row.evidence ? rewrap(row.evidence, `report:${row.id}:evidence`) : null,
          })
          .where(eq(reports.id, row.id));
      }
      return rows.length;
    },
  },
  {
    name: 'report submissions',
    async reencrypt(tx: Executor, rewrap) {
      const rows = await tx
        .select({
          id: reportSubmissions.id,
          reportId: reportSubmissions.reportId,
          content: reportSubmissions.contentEnc,
        })
        .from(reportSubmissions)
        .where(isNotNull(reportSubmissions.contentEnc));
      for (const row of rows) {
        await tx
          .update(reportSubmissions)
          .set({ contentEnc: rewrap(row.content, `report:${row.reportId}:submission`) })
          .where(eq(reportSubmissions.id, row.id));
      }
      return rows.length;
    },
  },
  {
    name: 'report comments',
    async reencrypt(tx: Executor, rewrap) {
      const rows = await tx
        .select({ id: reportComments.id, reportId: reportComments.reportId, body: reportComments.bodyEnc })
        .from(reportComments);
      for (const row of rows) {
        await tx
          .update(reportComments)
          .set({ bodyEnc: rewrap(row.body, `report:${row.reportId}:comment:${row.id}`) })
          .where(eq(reportComments.id, row.id));
      }
      return rows.length;
    },
  },
];
