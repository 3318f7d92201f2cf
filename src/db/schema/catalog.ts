import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** Public CVE records (CVE JSON 5), as imported; `record` keeps the document as published. */
export const cveRecords = pgTable(
  'cve_records',
  {
    cveId: text('cve_id').primaryKey(),
    state: text('state').notNull(),
    assignerShortName: text('assigner_short_name'),
    dataVersion: text('data_version').notNull(),
    title: text('title'),
    description: text('description'),
    cwes: text('cwes').array().notNull().default(sql`'{}'::text[]`),
    cvssScore: text('cvss_score'),
    severity: text('severity'),
    datePublished: ts('date_published'),
    dateUpdated: ts('date_updated'),
    /** Vendor/product pairs from the CNA container, for search and duplicate detection. */
    products: jsonb('products').$type<{ vendor: string; product: string }[]>().notNull().default(sql`'[]'::jsonb`),
    record: jsonb('record').notNull(),
    /** SHA-256 of the canonical record: re-import changes only what changed. */
    contentHash: text('content_hash').notNull(),
    importedAt: ts('imported_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('cve_records_published_idx').on(t.datePublished), index('cve_records_state_idx').on(t.state)],
);

/** CISA Known Exploited Vulnerabilities catalog entries. */
export const kevEntries = pgTable(
  'kev_entries',
  {
    cveId: text('cve_id').primaryKey(),
    vendorProject: text('vendor_project').notNull(),
    product: text('product').notNull(),
    vulnerabilityName: text('vulnerability_name').notNull(),
    dateAdded: date('date_added', { mode: 'string' }).notNull(),
    shortDescription: text('short_description').notNull(),
    requiredAction: text('required_action').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    knownRansomwareCampaignUse: text('known_ransomware_campaign_use').notNull(),
    notes: text('notes').notNull().default(''),
    cwes: text('cwes').array().notNull().default(sql`'{}'::text[]`),
    catalogVersion: text('catalog_version').notNull(),
    contentHash: text('content_hash').notNull(),
    importedAt: ts('imported_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('kev_entries_date_added_idx').on(t.dateAdded)],
);
