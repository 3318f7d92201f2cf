import { isAdminOf, isOperator, type Principal } from '../../shared/principal.ts';

/** Operator staff see every user; everyone else sees the users of their own organisation. */
export const canSeeUsersOf = (p: Principal, orgId: string): boolean => isOperator(p) || p.orgId === orgId;

/** Operator admins manage every organisation's users; an organisation's admin manages its own. */
export const canManageUsersOf = (p: Principal, orgId: string): boolean => isAdminOf(p, orgId);
