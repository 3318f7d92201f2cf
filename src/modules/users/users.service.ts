import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, forbidden, notFound, unauthenticated, validationError } from '../../shared/errors.ts';
import { newId, type UserId } from '../../shared/ids.ts';
import { generatePassword, hashPassword, verifyPassword } from '../../shared/password.ts';
import { isOperator, type Principal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { canManageUsersOf, canSeeUsersOf } from './users.policy.ts';
import { usersRepository as repo, type UserWithOrg } from './users.repository.ts';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from './users.schemas.ts';

export interface UsersDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
  organisations: Pick<OrganisationsService, 'getOrganisation'>;
}

const userNotFound = (id: string) => notFound('user.not_found', `User ${id} not found`);

export function createUsersService({ db, clock, audit, organisations }: UsersDeps) {
  async function getVisible(actor: Principal, id: string): Promise<UserWithOrg> {
    const user = await repo.findById(db, id);
    if (!user || !canSeeUsersOf(actor, user.orgId)) throw userNotFound(id);
    return user;
  }

  async function requireManager(actor: Principal, user: { id?: string; orgId: string }, attempted: string) {
    if (canManageUsersOf(actor, user.orgId)) return;
    throw await audit.deny(
      actor,
      { action: attempted, orgId: user.orgId, subjectType: 'user', subjectId: user.id ?? null },
      forbidden('user.manage_forbidden', "Only the organisation's admins and operator admins manage its users"),
    );
  }

  async function guardLastAdmin(user: UserWithOrg, what: string): Promise<void> {
    if (
      user.role === 'admin' &&
      !user.disabledAt &&
      (await repo.countOtherActiveAdmins(db, user.orgId, user.id)) === 0
    ) {
      throw conflict('user.last_admin', `Cannot ${what}: ${user.email} is the last active admin of ${user.orgName}`);
    }
  }

  return {
    getUser: getVisible,

    listUsers(actor: Principal, query: ListUsersQuery) {
      let orgId = query.orgId;
      if (!isOperator(actor)) {
        if (orgId && orgId !== actor.orgId) throw notFound('org.not_found', `Organisation ${orgId} not found`);
        orgId = actor.orgId ?? undefined;
      }
      return repo.list(db, { orgId, q: query.q }, query);
    },

    async createUser(
      actor: Principal,
      input: CreateUserInput,
    ): Promise<{ user: UserWithOrg; initialPassword?: string }> {
      const org = await organisations.getOrganisation(actor, input.orgId);
      await requireManager(actor, { orgId: org.id }, 'user.create');
      const email = input.email.toLowerCase();
      if (await repo.findByEmail(db, email)) {
        throw conflict('user.email_taken', `A user with e-mail ${email} already exists`, [
          { pointer: '/email', detail: 'is already registered' },
        ]);
      }
      const initialPassword = input.password ? undefined : generatePassword();
      const now = clock.now();
      const id = newId<UserId>();
      await db.transaction(async (tx) => {
        await repo.insert(tx, {
          id,
          orgId: org.id,
          email,
          name: input.name,
          role: input.role,
          passwordHash: await hashPassword(input.password ?? initialPassword!),
          mustChangePassword: initialPassword !== undefined,
          disabledAt: null,
          lastSignInAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, actor, {
          action: 'user.created',
          orgId: org.id,
          subjectType: 'user',
          subjectId: id,
          summary: { email, name: input.name, role: input.role },
        });
      });
      const user = (await repo.findById(db, id))!;
      return initialPassword ? { user, initialPassword } : { user };
    },

    async updateUser(actor: Principal, id: string, patch: UpdateUserInput): Promise<UserWithOrg> {
      const user = await getVisible(actor, id);
      await requireManager(actor, user, 'user.update');
      if (patch.role && patch.role !== 'admin') await guardLastAdmin(user, 'change the role');
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([k, v]) => v !== undefined && v !== user[k as keyof UserWithOrg]),
      );
      if (Object.keys(changes).length === 0) return user;
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, user[k as keyof UserWithOrg]]));
      await db.transaction(async (tx) => {
        await repo.update(tx, id, { ...changes, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          action: 'user.updated',
          orgId: user.orgId,
          subjectType: 'user',
          subjectId: id,
          summary: { email: user.email, before, after: changes },
        });
      });
      return (await repo.findById(db, id))!;
    },

    async setDisabled(actor: Principal, id: string, disabled: boolean): Promise<UserWithOrg> {
      const user = await getVisible(actor, id);
      await requireManager(actor, user, disabled ? 'user.disable' : 'user.enable');
      if (disabled && actor.userId === id)
        throw conflict('user.cannot_disable_self', 'You cannot disable your own account');
      if (disabled) await guardLastAdmin(user, 'disable');
      if ((user.disabledAt !== null) === disabled) return user;
      await db.transaction(async (tx) => {
        await repo.update(tx, id, { disabledAt: disabled ? clock.now() : null, updatedAt: clock.now() });
        // A disabled user's sessions end at once; its tokens stop working because authentication checks the user.
        if (disabled) await repo.deleteSessions(tx, id);
        await audit.record(tx, actor, {
          action: disabled ? 'user.disabled' : 'user.enabled',
          orgId: user.orgId,
          subjectType: 'user',
          subjectId: id,
          summary: { email: user.email },
        });
      });
      return (await repo.findById(db, id))!;
    },

    async changeOwnPassword(actor: Principal, currentPassword: string, newPassword: string): Promise<void> {
      if (actor.kind !== 'user' || !actor.userId) {
        throw forbidden(
          'user.password_sessions_only',
          'Passwords are changed from a signed-in session, not with a token',
        );
      }
      const user = (await repo.findById(db, actor.userId))!;
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw validationError('user.wrong_password', 'The current password is wrong', [
          { pointer: '/currentPassword', detail: 'does not match' },
        ]);
      }
      if (currentPassword === newPassword) {
        throw validationError('user.password_unchanged', 'Choose a new password different from the current one', [
          { pointer: '/newPassword', detail: 'must differ from the current password' },
        ]);
      }
      await db.transaction(async (tx) => {
        await repo.update(tx, user.id, {
          passwordHash: await hashPassword(newPassword),
          mustChangePassword: false,
          updatedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          action: 'user.password_changed',
          orgId: user.orgId,
          subjectType: 'user',
          subjectId: user.id,
          summary: { email: user.email },
        });
      });
    },

    /** Checks credentials; the same answer and about the same time whether or not the account exists. */
    async checkCredentials(email: string, password: string): Promise<UserWithOrg> {
      const user = await repo.findByEmail(db, email);
      const ok = await verifyPassword(user?.passwordHash, password);
      if (!user || !ok || user.disabledAt) {
        throw unauthenticated('session.invalid_credentials', 'Invalid email or password');
      }
      return user;
    },

    findUser: (id: string) => repo.findById(db, id),
    findUserByEmail: (email: string) => repo.findByEmail(db, email),
    countUsers: (actor: Principal) => repo.count(db, isOperator(actor) ? undefined : (actor.orgId ?? undefined)),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
