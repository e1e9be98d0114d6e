ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_until" date;--> statement-breakpoint
ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_reason" text;--> statement-breakpoint
ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_declared_by_name" text;--> statement-breakpoint
ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_declared_by_role" text;--> statement-breakpoint
ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_organisation_code" text;--> statement-breakpoint
ALTER TABLE "care_plans" ADD COLUMN "carer_unavailable_organisation_name" text;