import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organisations } from './foundation.ts';

/** Something an organisation must know: shown in the UI, and e-mailed when SMTP is configured. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where in the web UI it leads, e.g. /programme. */
    link: text('link'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
    readByLabel: text('read_by_label'),
    /** pending | sent | failed | skipped (no SMTP, or no recipient) */
    emailStatus: text('email_status').notNull(),
    emailedAt: ts('emailed_at'),
  },
  (t) => [index('notifications_org_idx').on(t.orgId, t.createdAt)],
);
