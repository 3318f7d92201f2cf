CREATE TABLE "awareness_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"aware_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"reference_url" text,
	"credible" boolean DEFAULT true NOT NULL,
	"recorded_by_label" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"obligation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"evidence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "trigger_source" text;--> statement-breakpoint
ALTER TABLE "awareness_evidence" ADD CONSTRAINT "awareness_evidence_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awareness_evidence" ADD CONSTRAINT "awareness_evidence_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "awareness_evidence_report_idx" ON "awareness_evidence" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "violations_dedupe_key" ON "violations" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "violations_org_idx" ON "violations" USING btree ("org_id","opened_at");