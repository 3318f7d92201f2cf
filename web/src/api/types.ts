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

export type ReportSummary = Schemas['ReportSummary'];
export type Report = Schemas['Report'];
export type ReportInput = Report['content'];
export type AffectedProduct = ReportInput['products'][number];
export type VersionRange = AffectedProduct['versions'][number];
export type ReportTimeline = NonNullable<ReportInput['timeline']>;
export type ReportCreated = Response<'/api/v1/reports', 'post', 201>;
export type SubmitReportBody = Body<'/api/v1/reports', 'post'>;
export type SubmitStageBody = Body<'/api/v1/reports/{id}/submissions', 'post'>;
export type Submission = Schemas['Submission'];
export type ReportObligation = Response<'/api/v1/reports/{id}/obligations', 'get', 200>['items'][number];
export type Obligation = Schemas['Obligation'];
export type ReportTransition = Response<'/api/v1/reports/{id}/transitions', 'get', 200>['items'][number];
export type ReportComment = Response<'/api/v1/reports/{id}/comments', 'get', 200>['items'][number];
export type ReportVendor = Response<'/api/v1/reports/{id}/vendors', 'get', 200>['items'][number];
export type VendorStatement = ReportVendor['statements'][number];
export type StatementBody = Body<'/api/v1/reports/{id}/statements', 'post'>;
export type ReportAttachment = Response<'/api/v1/reports/{id}/attachments', 'get', 200>['items'][number];
export type AttachmentBody = Body<'/api/v1/reports/{id}/attachments', 'post'>;
export type DuplicateSuggestion = Response<'/api/v1/reports/{id}/duplicates', 'get', 200>['items'][number];
export type TransitionBody = Body<'/api/v1/reports/{id}/transitions', 'post'>;
export type TimelineBody = Body<'/api/v1/reports/{id}/timeline', 'patch'>;

export const reportStatuses = [
  'received',
  'triaged',
  'confirmed',
  'rejected',
  'duplicate',
  'coordinating',
  'fix_available',
  'published',
  'closed',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const severities = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof severities)[number];
export const tlps = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = ReportInput['tlp'];
export const tiers = ['general', 'important', 'core'] as const;
export type Tier = ReportInput['tier'];
export const exploitationStates = ['none', 'poc', 'active'] as const;
export type Exploitation = ReportInput['exploitation'];
export const stages = ['initial', 'early_warning', 'notification', 'final_report', 'update'] as const;
export type Stage = (typeof stages)[number];
export const timelineFields = [
  'discoveredAt',
  'awareAt',
  'vendorNotifiedAt',
  'fixAvailableAt',
  'publiclyDisclosedAt',
] as const;
export type TimelineField = (typeof timelineFields)[number];
export const obligationStatuses = ['pending', 'met', 'late', 'missed'] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];
export const vexStatuses = ['known_affected', 'known_not_affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = StatementBody['status'];
export const vexJustifications = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'vulnerable_code_not_in_execute_path',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = NonNullable<StatementBody['justification']>;

export type Scorecard = Schemas['Scorecard'];
export type ScorecardMonth = Scorecard['trend'][number];
export type Statistics = Schemas['Statistics'];

export type AppNotification = Schemas['Notification'];
export type NotificationEmailStatus = AppNotification['emailStatus'];
export type UnreadNotificationCount = Response<'/api/v1/notifications/unread-count', 'get', 200>;
export type NotificationsMarked = Response<'/api/v1/notifications/read-all', 'post', 200>;

export type Violation = Schemas['Violation'];
export type Sanction = Schemas['Sanction'];
export type SanctionDetail = Response<'/api/v1/sanctions/{id}', 'get', 200>;
export type SanctionProposal = Body<'/api/v1/sanctions', 'post'>;
export type SanctionDecisionBody = Body<'/api/v1/sanctions/{id}/decision', 'post'>;
export type SanctionApprovalBody = Body<'/api/v1/sanctions/{id}/approval', 'post'>;
export type Review = Schemas['Review'];
export type ReviewDetail = Response<'/api/v1/reviews/{id}', 'get', 200>;
export type Rectification = Schemas['Rectification'];
export type RectificationBody = Body<'/api/v1/reviews/{id}/rectifications', 'post'>;
export type ReviewDecisionBody = Body<'/api/v1/reviews/{id}/decision', 'post'>;
export const sanctionStatuses = [
  'proposed',
  'awaiting_approval',
  'scheduled',
  'in_force',
  'under_review',
  'completed',
  'dismissed',
] as const;
export type SanctionStatus = Sanction['status'];
export const sanctionMeasures = ['warning', 'suspension', 'revocation'] as const;
export type SanctionMeasure = Sanction['measure'];
export const reviewStatuses = ['awaiting_rectification', 'rectification_submitted', 'decided'] as const;
export type ReviewStatus = Review['status'];
export type ReviewDecision = ReviewDecisionBody['decision'];
