import { and, asc, count, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { organisations, sessions, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithOrg = UserRow & { orgName: string; orgKind: string };

const sortColumns = {
  name: sql`lower(${users.name})`,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
} as const;

const selection = {
  id: users.id,
  orgId: users.orgId,
  email: users.email,
  name: users.name,
  role: users.role,
  passwordHash: users.passwordHash,
  mustChangePassword: users.mustChangePassword,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  orgName: organisations.name,
  orgKind: organisations.kind,
};

export const usersRepository = {
  list: async (
    db: Executor,
    filter: { orgId?: string | undefined; q?: string | undefined },
    page: { limit: number; offset: number; sort: keyof typeof sortColumns; order: 'asc' | 'desc' },
  ): Promise<{ items: UserWithOrg[]; total: number }> => {
    const conditions: (SQL | undefined)[] = [];
    if (filter.orgId) conditions.push(eq(users.orgId, filter.orgId));
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
    }
    const condition = and(...conditions);
    const direction = page.order === 'desc' ? desc : asc;
    const items = await db
      .select(selection)
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.orgId))
      .where(condition)
      .orderBy(direction(sortColumns[page.sort]), asc(users.id))
      .limit(page.limit)
      .offset(page.offset);
    const [row] = await db.select({ total: count() }).from(users).where(condition);
    return { items, total: Number(row?.total ?? 0) };
  },

  findById: async (db: Executor, id: string): Promise<UserWithOrg | undefined> =>
    (
      await db
        .select(selection)
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.orgId))
        .where(eq(users.id, id))
    )[0],

  findByEmail: async (db: Executor, email: string): Promise<UserWithOrg | undefined> =>
    (
      await db
        .select(selection)
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.orgId))
        .where(eq(users.email, email.toLowerCase()))
    )[0],

  insert: async (db: Executor, row: UserRow): Promise<void> => {
    await db.insert(users).values(row);
  },

  update: async (db: Executor, id: string, patch: Partial<UserRow>): Promise<void> => {
    await db.update(users).set(patch).where(eq(users.id, id));
  },

  /** Other enabled admins of the organisation: guards against locking everyone out. */
  countOtherActiveAdmins: async (db: Executor, orgId: string, exceptUserId: string): Promise<number> => {
    const [row] = await db
      .select({ n: count() })
      .from(users)
      .where(
        and(eq(users.orgId, orgId), eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, exceptUserId)),
      );
    return Number(row?.n ?? 0);
  },

  deleteSessions: async (db: Executor, userId: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },

  count: async (db: Executor, orgId?: string): Promise<number> => {
    const [row] = await db
      .select({ n: count() })
      .from(users)
      .where(orgId ? eq(users.orgId, orgId) : undefined);
    return Number(row?.n ?? 0);
  },
};
