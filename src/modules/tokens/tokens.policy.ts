import { isAdminOf, isOperatorAdmin, type Principal, type Role, type Scope } from '../../shared/principal.ts';

/** The scopes a role may hand to a token: nobody gives a machine more than they have. */
const scopesByRole: Record<Role, readonly Scope[]> = {
  admin: ['read', 'write', 'admin'],
  analyst: ['read', 'write'],
  reporter: ['read', 'write'],
  viewer: ['read'],
};

export const scopesAllowedFor = (role: Role): readonly Scope[] => scopesByRole[role];

/** A token's owner, its organisation's admins and operator admins may see and revoke it. */
export const canManageToken = (p: Principal, token: { userId: string; orgId: string }): boolean =>
  p.userId === token.userId || isAdminOf(p, token.orgId);

/** Whose tokens a list shows: operator admins choose, org admins see their org's, others their own. */
export function tokenListScope(p: Principal, orgId: string | undefined): { orgId?: string; userId?: string } | null {
  if (isOperatorAdmin(p)) return orgId ? { orgId } : {};
  if (orgId && orgId !== p.orgId) return null;
  if (p.orgId && isAdminOf(p, p.orgId)) return { orgId: p.orgId };
  return { userId: p.userId ?? '' };
}
