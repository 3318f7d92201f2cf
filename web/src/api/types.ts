// The wire types come from schema.d.ts, generated from the server's OpenAPI document (npm run api:types);
// a test fails when that document and the committed copy drift apart.
import type { components, paths } from './schema';

type Schemas = components['schemas'];
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Response<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody: infer B }
  ? JsonOf<NonNullable<B>>
  : never;

export const roles = ['admin', 'analyst', 'reporter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const orgKinds = ['operator', 'partner', 'member', 'researcher'] as const;
export type OrgKind = (typeof orgKinds)[number];

export const partnerStatuses = ['active', 'warned', 'suspended', 'under_review', 'revoked'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

export const tokenScopes = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export type SortOrder = 'asc' | 'desc';

export type ProblemFieldError = NonNullable<Schemas['Problem']['errors']>[number];
/** What an error response carries; every field optional because a proxy may answer instead of the API. */
export type Problem = Partial<Schemas['Problem']>;

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

export type SessionResponse = Response<'/api/v1/session', 'get', 200>;
export type Me = SessionResponse['user'];

export type Org = Schemas['Organisation'];
export type Contact = Org['contacts'][number];
export type OrgCreate = Body<'/api/v1/organisations', 'post'>;
export type OrgUpdate = Body<'/api/v1/organisations/{id}', 'patch'>;
export type OrgStatusChange = Body<'/api/v1/organisations/{id}/status', 'post'>;
export type OrgStatusHistoryEntry = Response<'/api/v1/organisations/{id}/status-history', 'get', 200>['items'][number];

export type User = Schemas['User'];
export type UserCreate = Body<'/api/v1/users', 'post'>;
export type UserCreated = Response<'/api/v1/users', 'post', 201>;
export type UserUpdate = Body<'/api/v1/users/{id}', 'patch'>;
export type PasswordChange = Body<'/api/v1/users/me/password', 'post'>;

export type Token = Schemas['ApiToken'];
export type TokenCreate = Body<'/api/v1/tokens', 'post'>;
export type TokenCreated = Response<'/api/v1/tokens', 'post', 201>;

export type AuditEntry = Response<'/api/v1/audit', 'get', 200>['items'][number];
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

export type AuditVerifyResult = Response<'/api/v1/audit/verify', 'get', 200>;
export type AuditCheckpoint = Response<'/api/v1/audit/checkpoints', 'post', 201>;
export type Meta = Response<'/api/v1/meta', 'get', 200>;

export type CveSummary = Schemas['CveSummary'];
export type CveDetail = Response<'/api/v1/catalog/cves/{cveId}', 'get', 200>;
export type KevEntry = Schemas['KevEntry'];
