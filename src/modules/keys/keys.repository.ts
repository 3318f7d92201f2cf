import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { dataKeys } from '../../db/schema/index.ts';

export type DataKeyRow = typeof dataKeys.$inferSelect;

export const keysRepository = {
  listDataKeys: (db: Executor): Promise<DataKeyRow[]> => db.select().from(dataKeys).orderBy(dataKeys.createdAt),

  findActive: async (db: Executor, tier: string): Promise<DataKeyRow | undefined> =>
    (
      await db
        .select()
        .from(dataKeys)
        .where(and(eq(dataKeys.tier, tier), eq(dataKeys.active, true)))
    )[0],

  insert: async (db: Executor, row: typeof dataKeys.$inferInsert): Promise<void> => {
    await db.insert(dataKeys).values(row).onConflictDoNothing();
  },

  retire: async (db: Executor, id: string, at: Date): Promise<void> => {
    await db.update(dataKeys).set({ active: false, retiredAt: at }).where(eq(dataKeys.id, id));
  },
};
