import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { randomSecret, sha256Hex } from '../../shared/crypto.ts';
import { type AppError, isAppError } from '../../shared/errors.ts';
import type { OrgId, UserId } from '../../shared/ids.ts';
import { anonymousPrincipal, type OrgKind, type Principal, type Role, scopes } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import type { UsersService, UserWithOrg } from '../users/index.ts';
import { sessionsRepository as repo } from './sessions.repository.ts';

export interface SessionsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  users: Pick<UsersService, 'checkCredentials' | 'findUserByEmail'>;
  ttlHours: number;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  principal: Principal;
  mustChangePassword: boolean;
}

const TOUCH_INTERVAL_MS = 60_000;

export const userPrincipal = (
  user: { id: string; orgId: string; role: string; email: string },
  orgKind: string,
): Principal => ({
  kind: 'user',
  userId: user.id as UserId,
  orgId: user.orgId as OrgId,
  orgKind: orgKind as OrgKind,
  role: user.role as Role,
  scopes,
  label: user.email,
  tokenId: null,
});

export function createSessionsService({ db, clock, audit, users, ttlHours }: SessionsDeps) {
  return {
    /** Signs in with e-mail and password; returns the cookie value, which is stored only as a hash. */
    async signIn(email: string, password: string, meta: { ip: string; userAgent?: string | undefined }) {
      let user: UserWithOrg;
      try {
        user = await users.checkCredentials(email, password);
      } catch (error) {
        if (isAppError(error)) await recordFailure(email, meta.ip, error);
        throw error;
      }
      const cookieValue = randomSecret();
      const csrfToken = randomSecret();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
      const principal = userPrincipal(user, user.orgKind);
      await db.transaction(async (tx) => {
        await repo.insert(tx, {
          id: sha256Hex(cookieValue),
          userId: user.id,
          csrfToken,
          createdAt: now,
          expiresAt,
          lastSeenAt: now,
        });
        await repo.markSignedIn(tx, user.id, now);
        await audit.record(tx, principal, {
          action: 'session.signed_in',
          orgId: user.orgId,
          subjectType: 'user',
          subjectId: user.id,
          summary: { ip: meta.ip, userAgent: meta.userAgent ?? null },
        });
      });
      return { cookieValue, csrfToken, expiresAt, userId: user.id };
    },

    async resolve(cookieValue: string): Promise<ResolvedSession | undefined> {
      const now = clock.now();
      const id = sha256Hex(cookieValue);
      const found = await repo.findLive(db, id, now);
      if (!found || found.user.disabledAt) return undefined;
      if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await repo.touch(db, id, now);
      return {
        sessionId: id,
        csrfToken: found.session.csrfToken,
        principal: userPrincipal(found.user, found.orgKind),
        mustChangePassword: found.user.mustChangePassword,
      };
    },

    async signOut(actor: Principal, sessionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.delete(tx, sessionId);
        await audit.record(tx, actor, {
          action: 'session.signed_out',
          orgId: actor.orgId,
          subjectType: 'user',
          subjectId: actor.userId,
        });
      });
    },

    purgeExpired: () => repo.deleteExpired(db, clock.now()),
  };

  /** A failed sign-in is a security event: kept in the audit chain, against the account if there is one. */
  async function recordFailure(email: string, ip: string, error: AppError): Promise<void> {
    const user = await users.findUserByEmail(email);
    await db.transaction((tx) =>
      audit.record(tx, anonymousPrincipal, {
        action: 'session.sign_in_failed',
        orgId: user?.orgId ?? null,
        subjectType: user ? 'user' : null,
        subjectId: user?.id ?? null,
        summary: { ip, code: error.code },
      }),
    );
  }
}

export type SessionsService = ReturnType<typeof createSessionsService>;
