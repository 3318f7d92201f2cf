import type { OrgId, UserId } from './ids.ts';

export const roles = ['admin', 'analyst', 'reporter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const orgKinds = ['operator', 'partner', 'member', 'researcher'] as const;
export type OrgKind = (typeof orgKinds)[number];

export const scopes = ['read', 'write', 'admin'] as const;
export type Scope = (typeof scopes)[number];

/**
 * Who is acting. Every service call receives one; policies decide from it alone.
 * A token acts for the user who created it, narrowed to the token's scopes.
 */
export interface Principal {
  readonly kind: 'user' | 'token' | 'system' | 'anonymous';
  readonly userId: UserId | null;
  readonly orgId: OrgId | null;
  readonly orgKind: OrgKind | null;
  readonly role: Role | null;
  readonly scopes: readonly Scope[];
  /** How the audit log names the actor: an e-mail address, `token:<name>` or `cli`. */
  readonly label: string;
  readonly tokenId: string | null;
}

/** The operator's own command line: full rights, as whoever can read the database already has. */
export function systemPrincipal(label = 'system'): Principal {
  return { kind: 'system', userId: null, orgId: null, orgKind: null, role: null, scopes, label, tokenId: null };
}

/** Someone not (yet) signed in, as the audit log names a failed sign-in. */
export const anonymousPrincipal: Principal = {
  kind: 'anonymous',
  userId: null,
  orgId: null,
  orgKind: null,
  role: null,
  scopes: [],
  label: 'anonymous',
  tokenId: null,
};

export const isSystem = (p: Principal): boolean => p.kind === 'system';
export const isOperator = (p: Principal): boolean => p.kind === 'system' || p.orgKind === 'operator';
export const hasScope = (p: Principal, scope: Scope): boolean => p.scopes.includes(scope);
export const hasRole = (p: Principal, ...allowed: Role[]): boolean => p.role !== null && allowed.includes(p.role);

/** Operator admin acting with admin scope: may manage every organisation. */
export const isOperatorAdmin = (p: Principal): boolean =>
  isSystem(p) || (p.orgKind === 'operator' && hasRole(p, 'admin') && hasScope(p, 'admin'));

/** Admin of `orgId` (or an operator admin) acting with admin scope. */
export const isAdminOf = (p: Principal, orgId: string): boolean =>
  isOperatorAdmin(p) || (p.orgId === orgId && hasRole(p, 'admin') && hasScope(p, 'admin'));
