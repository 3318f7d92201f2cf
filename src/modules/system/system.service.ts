import type { Database } from '../../db/client.ts';
import { systemPrincipal } from '../../shared/principal.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import type { UsersService } from '../users/index.ts';

export interface SystemDeps {
  database: Database;
  organisations: Pick<OrganisationsService, 'findOperator' | 'createOrganisation'>;
  users: Pick<UsersService, 'createUser' | 'listUsers' | 'findUserByEmail'>;
  operatorName: string;
  adminEmail: string;
}

export function createSystemService({ database, organisations, users, operatorName, adminEmail }: SystemDeps) {
  let draining = false;
  return {
    /**
     * First start: creates the operator organisation and its first admin, whose password is returned
     * once for the caller to print. Later starts find an admin and return nothing.
     */
    async bootstrap(): Promise<{ email: string; password: string; orgName: string } | undefined> {
      const actor = systemPrincipal('bootstrap');
      const operator =
        (await organisations.findOperator()) ??
        (await organisations.createOrganisation(actor, { name: operatorName, kind: 'operator' }));
      const admins = await users.listUsers(actor, {
        orgId: operator.id,
        limit: 1,
        offset: 0,
        sort: 'name',
        order: 'asc',
      });
      if (admins.total > 0) return undefined;
      if (await users.findUserByEmail(adminEmail)) return undefined;
      const created = await users.createUser(actor, {
        orgId: operator.id,
        email: adminEmail,
        name: 'Administrator',
        role: 'admin',
      });
      return { email: created.user.email, password: created.initialPassword!, orgName: operator.name };
    },

    async ready(): Promise<{ ok: boolean; detail: string }> {
      if (draining) return { ok: false, detail: 'shutting down' };
      try {
        await database.ping();
        return { ok: true, detail: `database (${database.kind}) reachable` };
      } catch (error) {
        return { ok: false, detail: `database unreachable: ${(error as Error).message}` };
      }
    },

    startDraining: () => {
      draining = true;
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
