CREATE TABLE "break_glass_reviews" (
	"declaration_id" bigint PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text NOT NULL,
	"reviewer_subject" text NOT NULL,
	"reviewer_name" text NOT NULL,
	"reviewer_role" text NOT NULL,
	"reviewer_organisation_code" text NOT NULL,
	"reviewer_organisation_name" text NOT NULL,
	"request_id" text NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "break_glass_reviews_outcome" CHECK ("break_glass_reviews"."outcome" in ('justified', 'not-justified', 'referred'))
);
