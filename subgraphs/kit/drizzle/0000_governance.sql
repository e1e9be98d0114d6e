CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_organisation_code" text NOT NULL,
	"actor_organisation_name" text NOT NULL,
	"purpose" text NOT NULL,
	"nhs_number" text NOT NULL,
	"action" text NOT NULL,
	"categories" text[] NOT NULL,
	"break_glass" boolean DEFAULT false NOT NULL,
	"break_glass_reason" text,
	"break_glass_declared" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_team" (
	"nhs_number" text NOT NULL,
	"member_subject" text NOT NULL,
	"member_name" text NOT NULL,
	"role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "care_team_nhs_number_member_subject_pk" PRIMARY KEY("nhs_number","member_subject")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"nhs_number" text NOT NULL,
	"carer_subject" text NOT NULL,
	"categories" text[] NOT NULL,
	"granted_on" date NOT NULL,
	CONSTRAINT "delegations_nhs_number_carer_subject_pk" PRIMARY KEY("nhs_number","carer_subject")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"caller_subject" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"input_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seed_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"people" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_decisions" (
	"nhs_number" text NOT NULL,
	"sector" text NOT NULL,
	"decided_by_subject" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_decisions_nhs_number_sector_pk" PRIMARY KEY("nhs_number","sector")
);
--> statement-breakpoint
CREATE INDEX "audit_events_person_idx" ON "audit_events" USING btree ("nhs_number","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_break_glass_idx" ON "audit_events" USING btree ("occurred_at" DESC NULLS LAST) WHERE "audit_events"."break_glass";--> statement-breakpoint
CREATE INDEX "audit_events_declared_idx" ON "audit_events" USING btree ("actor_subject","nhs_number","occurred_at" DESC NULLS LAST) WHERE "audit_events"."break_glass_declared";--> statement-breakpoint
CREATE INDEX "care_team_member_idx" ON "care_team" USING btree ("member_subject");--> statement-breakpoint
CREATE INDEX "delegations_carer_idx" ON "delegations" USING btree ("carer_subject");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_caller_key_idx" ON "idempotency_keys" USING btree ("caller_subject","key");