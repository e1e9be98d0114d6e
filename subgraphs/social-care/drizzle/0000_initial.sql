CREATE TABLE "allocations" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"worker_id" text NOT NULL,
	"allocated_on" date NOT NULL,
	"ended_on" date,
	"reason" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"kind" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_id" text NOT NULL,
	"cared_for_nhs_number" text,
	"needs" jsonb NOT NULL,
	"eligibility" text NOT NULL,
	"primary_support_reason" text,
	"summary" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_worker_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"worker_id" text NOT NULL,
	"role" text NOT NULL,
	"since" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competencies" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"name" text NOT NULL,
	"achieved_on" date NOT NULL,
	"expires_on" date,
	"assessed_by" text NOT NULL,
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
	"service_components" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"status" text NOT NULL,
	"agreed_on" date NOT NULL,
	"outcomes" jsonb NOT NULL,
	"provider_code" text,
	"next_review_due" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"requested_on" date NOT NULL,
	"route_of_access" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewer_id" text NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"summary" text NOT NULL,
	"next_review_due" date,
	"sensitivity" text,
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
	"nhs_number" text NOT NULL,
	"service_type" text NOT NULL,
	"service_component" text,
	"support_setting" text,
	"delivery_mechanism" text,
	"primary_support_reason" text,
	"provider_code" text,
	"hours_per_week" real,
	"start_date" date NOT NULL,
	"end_date" date,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unpaid_carers" (
	"id" text PRIMARY KEY NOT NULL,
	"cared_for_nhs_number" text NOT NULL,
	"carer_nhs_number" text NOT NULL,
	"relationship" text NOT NULL,
	"lives_with_person" boolean NOT NULL,
	"carers_assessment_status" text NOT NULL,
	"since" date NOT NULL,
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
	"role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "allocations_caseload_idx" ON "allocations" USING btree ("worker_id","nhs_number","id") WHERE "allocations"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "allocations_nhs_number_idx" ON "allocations" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "assessments_nhs_number_idx" ON "assessments" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "care_worker_assignments_nhs_number_idx" ON "care_worker_assignments" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "competencies_worker_idx" ON "competencies" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "plans_nhs_number_idx" ON "plans" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "requests_nhs_number_idx" ON "requests" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "reviews_nhs_number_idx" ON "reviews" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "services_nhs_number_idx" ON "services" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "unpaid_carers_cared_for_idx" ON "unpaid_carers" USING btree ("cared_for_nhs_number");--> statement-breakpoint
CREATE INDEX "unpaid_carers_carer_idx" ON "unpaid_carers" USING btree ("carer_nhs_number");--> statement-breakpoint
CREATE INDEX "workers_organisation_idx" ON "workers" USING btree ("organisation_code");