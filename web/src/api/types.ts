// Hand-written from the API description; to be replaced by types generated from the OpenAPI document.

export const roles = ['admin', 'analyst', 'reporter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const orgKinds = ['operator', 'partner', 'member', 'researcher'] as const;
export type OrgKind = (typeof orgKinds)[number];

export const partnerStatuses = ['active', 'warned', 'suspended', 'under_review', 'revoked'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

export const tokenScopes = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export type SortOrder = 'asc' | 'desc';

export interface ProblemFieldError {
  pointer: string;
  detail: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageQuery {
  limit?: number;
  offset?: number;
  sort?: string;
  order?: SortOrder;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  mustChangePassword: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Contact {
  name: string;
  email: string;
  phone?: string;
  role?: string;
}

export interface Org {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  country: string | null;
  sector: string | null;
  contacts: Contact[];
  partnerStatus: PartnerStatus | null;
  partnerStatusUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrgCreate {
  name: string;
  shortName?: string;
  kind: OrgKind;
  country?: string;
  sector?: string;
  contacts?: Contact[];
}

export type OrgUpdate = Partial<Omit<OrgCreate, 'kind'>>;

export interface OrgStatusChange {
  status: PartnerStatus;
  reason: string;
  legalBasis?: string;
  until?: string;
}

export interface OrgStatusHistoryEntry {
  id: string;
  fromStatus: PartnerStatus | null;
  toStatus: PartnerStatus;
  reason: string;
  legalBasis: string | null;
  until: string | null;
  changedByLabel: string;
  changedAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  disabled: boolean;
  disabledAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface UserCreate {
  orgId: string;
  email: string;
  name: string;
  role: Role;
  password?: string;
}

export interface UserCreated {
  user: User;
  initialPassword?: string;
}

export interface UserUpdate {
  name?: string;
  role?: Role;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface Token {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  orgId: string;
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokenCreate {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

export interface TokenCreated {
  token: Token;
  secret: string;
}

export type ActorType = 'user' | 'token' | 'system' | 'anonymous';

export interface AuditEntry {
  seq: number;
  time: string;
  actor: { type: ActorType; id: string | null; label: string };
  orgId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  summary: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  limit?: number;
  offset?: number;
  order?: SortOrder;
  action?: string;
  actorId?: string;
  orgId?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  count: number;
  headSeq: number;
  broken?: { seq: number; reason: string; detail: string };
  checkpoints: { count: number; verified: number; failed?: { seq: number; detail: string } };
}

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  jws: string;
  keyId: string;
  createdAt: string;
}

export interface Meta {
  name: string;
  version: string;
  operatorName: string;
  database: 'pglite' | 'postgres';
}
