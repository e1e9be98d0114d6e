CREATE TABLE "allergies" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"snomed_code" text NOT NULL,
	"display" text NOT NULL,
	"reaction" text,
	"severity" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_relationships" (
	"nhs_number" text NOT NULL,
	"clinician_id" text NOT NULL,
	"relationship" text NOT NULL,
	"since" date NOT NULL,
	CONSTRAINT "care_relationships_nhs_number_clinician_id_pk" PRIMARY KEY("nhs_number","clinician_id")
);
--> statement-breakpoint
CREATE TABLE "clinicians" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"job_title" text NOT NULL,
	"role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encounters" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"setting" text NOT NULL,
	"summary" text NOT NULL,
	"clinician_id" text NOT NULL,
	"sensitivity" text,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flags" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medications" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"name" text NOT NULL,
	"dosage_instructions" text NOT NULL,
	"status" text NOT NULL,
	"started_on" date NOT NULL,
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
	"kind" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"nhs_number" text PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"sex" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"address_line1" text NOT NULL,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"phone" text,
	"gp_practice_code" text NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"snomed_code" text NOT NULL,
	"display" text NOT NULL,
	"status" text NOT NULL,
	"onset_date" date,
	"sensitivity" text,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "allergies_nhs_number_idx" ON "allergies" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "care_relationships_clinician_idx" ON "care_relationships" USING btree ("clinician_id");--> statement-breakpoint
CREATE INDEX "encounters_person_time_idx" ON "encounters" USING btree ("nhs_number","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "flags_nhs_number_idx" ON "flags" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "medications_nhs_number_idx" ON "medications" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "patients_sort_idx" ON "patients" USING btree ((lower("family_name") || ' ' || lower("given_name")),"nhs_number");--> statement-breakpoint
CREATE INDEX "patients_family_name_idx" ON "patients" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patients_given_name_idx" ON "patients" USING btree (lower("given_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patients_date_of_birth_idx" ON "patients" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "patients_postcode_idx" ON "patients" USING btree (replace(upper("postcode"), ' ', ''));--> statement-breakpoint
CREATE INDEX "patients_gp_practice_idx" ON "patients" USING btree ("gp_practice_code");--> statement-breakpoint
CREATE INDEX "problems_nhs_number_idx" ON "problems" USING btree ("nhs_number");