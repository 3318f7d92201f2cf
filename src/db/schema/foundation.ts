import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from './columns.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    country: text('country'),
    sector: text('sector'),
    contacts: jsonb('contacts').$type<Contact[]>().notNull().default(sql`'[]'::jsonb`),
    partnerStatus: text('partner_status'),
    partnerStatusUntil: ts('partner_status_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('organisations_name_key').on(sql`lower(${t.name})`), index('organisations_kind_idx').on(t.kind)],
);

export interface Contact {
  name: string;
  email: string;
  phone?: string;
  role?: string;
}

export const partnerStatusHistory = pgTable(
  'partner_status_history',
  {
    id: uuid('id').primaryKey(),
    /** Orders changes made within the same instant. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    legalBasis: text('legal_basis'),
    until: ts('until'),
    changedBy: uuid('changed_by'),
    changedByLabel: text('changed_by_label').notNull(),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('partner_status_history_org_idx').on(t.orgId, t.seq)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: ts('disabled_at'),
    lastSignInAt: ts('last_sign_in_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_org_idx').on(t.orgId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value; the cookie itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    /** SHA-256 of the secret: 256 random bits need no slow hash. */
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [uniqueIndex('api_tokens_secret_hash_key').on(t.secretHash), index('api_tokens_org_idx').on(t.orgId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    time: ts('time').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_action_idx').on(t.action, t.seq),
    index('audit_log_org_idx').on(t.orgId, t.seq),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_time_idx').on(t.time),
  ],
);

/** One row: the chain's head. Appenders lock it, so entries are written one after another. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  jws: text('jws').notNull(),
  keyId: text('key_id').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** Per-tier data keys, wrapped (AES-256-GCM) under the master key held outside the database. */
export const dataKeys = pgTable(
  'data_keys',
  {
    id: text('id').primaryKey(),
    tier: text('tier').notNull(),
    wrappedKey: bytea('wrapped_key').notNull(),
    active: boolean('active').notNull(),
    createdAt: ts('created_at').notNull(),
    retiredAt: ts('retired_at'),
  },
  (t) => [uniqueIndex('data_keys_active_tier_key').on(t.tier).where(sql`${t.active}`)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
