CREATE SEQUENCE "public"."report_ref_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "cve_records" (
	"cve_id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"assigner_short_name" text,
	"data_version" text NOT NULL,
	"title" text,
	"description" text,
	"cwes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cvss_score" text,
	"severity" text,
	"date_published" timestamp with time zone,
	"date_updated" timestamp with time zone,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kev_entries" (
	"cve_id" text PRIMARY KEY NOT NULL,
	"vendor_project" text NOT NULL,
	"product" text NOT NULL,
	"vulnerability_name" text NOT NULL,
	"date_added" date NOT NULL,
	"short_description" text NOT NULL,
	"required_action" text NOT NULL,
	"due_date" date,
	"known_ransomware_campaign_use" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"cwes" text[] DEFAULT '{}'::text[] NOT NULL,
	"catalog_version" text NOT NULL,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_enc" text NOT NULL,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"regime_id" text NOT NULL,
	"obligation_key" text NOT NULL,
	"title" text NOT NULL,
	"stage" text NOT NULL,
	"trigger" text NOT NULL,
	"trigger_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"met_by_submission_id" uuid,
	"status" text NOT NULL,
	"lateness_seconds" bigint,
	"missing_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regime_assignments" (
	"org_id" uuid NOT NULL,
	"regime_id" text NOT NULL,
	"assigned_by_label" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "regime_assignments_org_id_regime_id_pk" PRIMARY KEY("org_id","regime_id")
);
--> statement-breakpoint
CREATE TABLE "report_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "report_comments_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"author_org_id" uuid,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"content_enc" text NOT NULL,
	"content_sha256" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"submitted_by_label" text NOT NULL,
	"audit_seq" bigint NOT NULL,
	"receipt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "report_transitions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_vendors" (
	"report_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"added_by_label" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"first_seen_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_vendors_report_id_org_id_pk" PRIMARY KEY("report_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"reporter_org_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description_enc" text NOT NULL,
	"status" text NOT NULL,
	"tlp" text NOT NULL,
	"tier" text NOT NULL,
	"cve_id" text,
	"cwes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cvss_v31_vector" text,
	"cvss_v31_score" double precision,
	"cvss_v40_vector" text,
	"cvss_v40_score" double precision,
	"severity" text NOT NULL,
	"exploitation" text NOT NULL,
	"exploitation_evidence_enc" text,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"discovered_at" timestamp with time zone,
	"aware_at" timestamp with time zone,
	"vendor_notified_at" timestamp with time zone,
	"fix_available_at" timestamp with time zone,
	"publicly_disclosed_at" timestamp with time zone,
	"embargo_until" timestamp with time zone,
	"assignee_id" uuid,
	"duplicate_of" uuid,
	"source" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "vendor_statements_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"product_index" integer NOT NULL,
	"status" text NOT NULL,
	"justification" text,
	"statement" text NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regime_assignments" ADD CONSTRAINT "regime_assignments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transitions" ADD CONSTRAINT "report_transitions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_vendors" ADD CONSTRAINT "report_vendors_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_vendors" ADD CONSTRAINT "report_vendors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_org_id_organisations_id_fk" FOREIGN KEY ("reporter_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_statements" ADD CONSTRAINT "vendor_statements_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_statements" ADD CONSTRAINT "vendor_statements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cve_records_published_idx" ON "cve_records" USING btree ("date_published");--> statement-breakpoint
CREATE INDEX "cve_records_state_idx" ON "cve_records" USING btree ("state");--> statement-breakpoint
CREATE INDEX "kev_entries_date_added_idx" ON "kev_entries" USING btree ("date_added");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null and "jobs"."failed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_pending_dedupe_key" ON "jobs" USING btree ("dedupe_key") WHERE "jobs"."done_at" is null and "jobs"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "attachments_report_idx" ON "attachments" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "obligations_report_key" ON "obligations" USING btree ("report_id","regime_id","obligation_key");--> statement-breakpoint
CREATE INDEX "obligations_due_idx" ON "obligations" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "obligations_org_idx" ON "obligations" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "report_comments_report_idx" ON "report_comments" USING btree ("report_id","seq");--> statement-breakpoint
CREATE INDEX "report_submissions_report_idx" ON "report_submissions" USING btree ("report_id","received_at");--> statement-breakpoint
CREATE INDEX "report_transitions_report_idx" ON "report_transitions" USING btree ("report_id","seq");--> statement-breakpoint
CREATE INDEX "report_vendors_org_idx" ON "report_vendors" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_ref_key" ON "reports" USING btree ("ref");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_org_id","received_at");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_cve_idx" ON "reports" USING btree ("cve_id");--> statement-breakpoint
CREATE INDEX "reports_products_idx" ON "reports" USING gin ("products");--> statement-breakpoint
CREATE INDEX "vendor_statements_report_idx" ON "vendor_statements" USING btree ("report_id","org_id","product_index");