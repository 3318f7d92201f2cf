import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organisations, sessions, users } from '../../db/schema/index.ts';

export type SessionRow = typeof sessions.$inferSelect;

export const sessionsRepository = {
  insert: async (db: Executor, row: SessionRow): Promise<void> => {
    await db.insert(sessions).values(row);
  },

  /** The live session with its user and organisation, or nothing. */
  findLive: async (db: Executor, id: string, now: Date) =>
    (
      await db
        .select({
          session: sessions,
          user: {
            id: users.id,
            email: users.email,
            role: users.role,
            orgId: users.orgId,
            disabledAt: users.disabledAt,
            mustChangePassword: users.mustChangePassword,
          },
          orgKind: organisations.kind,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(organisations, eq(organisations.id, users.orgId))
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    )[0],

  touch: async (db: Executor, id: string, at: Date): Promise<void> => {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },

  delete: async (db: Executor, id: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  deleteExpired: async (db: Executor, now: Date): Promise<void> => {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
  },

  markSignedIn: async (db: Executor, userId: string, at: Date): Promise<void> => {
    await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId));
  },
};
