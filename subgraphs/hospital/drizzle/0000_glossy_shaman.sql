CREATE TABLE "supports" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"summary" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "supports_person_idx" ON "supports" USING btree ("nhs_number","started_on" DESC NULLS LAST);