CREATE TABLE "clients" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"nhs_number" text,
	"linked_with_agreement_on" date,
	"since" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_linked_with_agreement" CHECK (("clients"."nhs_number" is null) = ("clients"."linked_with_agreement_on" is null))
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"occurred_on" date NOT NULL,
	"service_id" text NOT NULL,
	"activity" text NOT NULL,
	"attended" boolean NOT NULL,
	"notes" text,
	"sensitivity" text,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"charity_kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_status_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"referral_id" text NOT NULL,
	"status" text NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" text NOT NULL,
	"reason" text,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"referred_on" date NOT NULL,
	"referrer_name" text NOT NULL,
	"referrer_role" text NOT NULL,
	"referrer_organisation_name" text NOT NULL,
	"referrer_organisation_code" text,
	"referred_to_code" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"link_worker_id" text,
	"agreed_to_share" text[] NOT NULL,
	"shared_with_referrer" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"how_to_contact" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "what_matters_conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"held_on" date NOT NULL,
	"held_by_id" text NOT NULL,
	"what_matters" text[] NOT NULL,
	"goals" text[] NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"job_title" text NOT NULL,
	"organisation_code" text NOT NULL,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE INDEX "clients_worker_sort_idx" ON "clients" USING btree ("worker_id",(lower("family_name") || ' ' || lower("given_name")),"id");--> statement-breakpoint
CREATE INDEX "clients_nhs_number_idx" ON "clients" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "engagements_person_time_idx" ON "engagements" USING btree ("nhs_number","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referral_status_changes_referral_idx" ON "referral_status_changes" USING btree ("referral_id","changed_on");--> statement-breakpoint
CREATE INDEX "referrals_nhs_number_idx" ON "referrals" USING btree ("nhs_number","referred_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "services_organisation_idx" ON "services" USING btree ("organisation_code","name");--> statement-breakpoint
CREATE INDEX "volunteers_service_idx" ON "volunteers" USING btree ("service_id","name");--> statement-breakpoint
CREATE INDEX "what_matters_conversations_nhs_number_idx" ON "what_matters_conversations" USING btree ("nhs_number","held_on" DESC NULLS LAST);