import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { apiTokens, organisations, users } from '../../db/schema/index.ts';

export type TokenRow = typeof apiTokens.$inferSelect;
export type TokenWithUser = TokenRow & { userName: string };

export const tokensRepository = {
  insert: async (db: Executor, row: TokenRow): Promise<void> => {
    await db.insert(apiTokens).values(row);
  },

  list: async (
    db: Executor,
    filter: { orgId?: string | undefined; userId?: string | undefined; includeRevoked: boolean },
    page: { limit: number; offset: number },
  ): Promise<{ items: TokenWithUser[]; total: number }> => {
    const conditions: (SQL | undefined)[] = [];
    if (filter.orgId) conditions.push(eq(apiTokens.orgId, filter.orgId));
    if (filter.userId) conditions.push(eq(apiTokens.userId, filter.userId));
    if (!filter.includeRevoked) conditions.push(isNull(apiTokens.revokedAt));
    const condition = and(...conditions);
    const rows = await db
      .select({ token: apiTokens, userName: users.name })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(condition)
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await db.select({ total: count() }).from(apiTokens).where(condition);
    return { items: rows.map((r) => ({ ...r.token, userName: r.userName })), total: Number(row?.total ?? 0) };
  },

  findById: async (db: Executor, id: string): Promise<TokenWithUser | undefined> => {
    const row = (
      await db
        .select({ token: apiTokens, userName: users.name })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.id, id))
    )[0];
    return row ? { ...row.token, userName: row.userName } : undefined;
  },

  /** The user a token would act for, looked up by e-mail (the operator's CLI names users that way). */
  findOwnerByEmail: async (db: Executor, email: string) =>
    (
      await db
        .select({
          userId: users.id,
          orgId: users.orgId,
          email: users.email,
          role: users.role,
          disabledAt: users.disabledAt,
        })
        .from(users)
        .where(eq(users.email, email.toLowerCase()))
    )[0],

  /** The token with the state of its user and organisation, for authentication. */
  findBySecretHash: async (db: Executor, secretHash: string) =>
    (
      await db
        .select({
          token: apiTokens,
          user: {
            id: users.id,
            email: users.email,
            role: users.role,
            orgId: users.orgId,
            disabledAt: users.disabledAt,
          },
          orgKind: organisations.kind,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
        .where(eq(apiTokens.secretHash, secretHash))
    )[0],

  touch: async (db: Executor, id: string, at: Date): Promise<void> => {
    await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  },

  revoke: async (db: Executor, id: string, at: Date, by: string | null): Promise<void> => {
    await db.update(apiTokens).set({ revokedAt: at, revokedBy: by }).where(eq(apiTokens.id, id));
  },
};
