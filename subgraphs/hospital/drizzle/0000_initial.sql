CREATE TABLE "admissions" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"method" text NOT NULL,
	"ward" text NOT NULL,
	"ward_phone" text NOT NULL,
	"consultant" text NOT NULL,
	"emergency_attendance_id" text,
	"admitted_at" timestamp with time zone NOT NULL,
	"discharged_at" timestamp with time zone,
	"discharge_destination" text,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnoses" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"encounter_id" text NOT NULL,
	"code" text NOT NULL,
	"display" text NOT NULL,
	"rank" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharge_summaries" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"admission_id" text NOT NULL,
	"sections" jsonb NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_attendances" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"department" text NOT NULL,
	"department_phone" text NOT NULL,
	"arrival_mode" text NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"departed_at" timestamp with time zone,
	"outcome" text,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "admissions_person_idx" ON "admissions" USING btree ("nhs_number","admitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "diagnoses_person_idx" ON "diagnoses" USING btree ("nhs_number","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "discharge_summaries_person_idx" ON "discharge_summaries" USING btree ("nhs_number","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "emergency_attendances_person_idx" ON "emergency_attendances" USING btree ("nhs_number","arrived_at" DESC NULLS LAST);