CREATE TABLE "care_plan_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"goal_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"description" text NOT NULL,
	"owner_member_id" text,
	"owner_organisation_code" text NOT NULL,
	"owner_organisation_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"nhs_number" text NOT NULL,
	"version" integer NOT NULL,
	"summary" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_goals" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plan_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"summary" text NOT NULL,
	"next_review_due" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"about_me" text,
	"what_matters_to_me" text[] DEFAULT '{}'::text[] NOT NULL,
	"about_me_recorded_by_name" text,
	"about_me_recorded_by_role" text,
	"about_me_organisation_code" text,
	"about_me_organisation_name" text,
	"about_me_recorded_at" timestamp with time zone,
	"contingency_what_to_do" text,
	"contingency_who_to_contact" text[],
	"contingency_recorded_by_name" text,
	"contingency_recorded_by_role" text,
	"contingency_organisation_code" text,
	"contingency_organisation_name" text,
	"contingency_recorded_at" timestamp with time zone,
	"last_reviewed_on" date,
	"next_review_due" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_team_members" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"kind" text NOT NULL,
	"worker_id" text,
	"sector" text,
	"member_organisation_code" text,
	"member_organisation_name" text,
	"carer_nhs_number" text,
	"carer_name" text,
	"carer_relationship" text,
	"carer_contact" text,
	"role" text NOT NULL,
	"is_coordinator" boolean DEFAULT false NOT NULL,
	"since" date NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_team_members_worker_or_carer" CHECK (("care_team_members"."kind" = 'UNPAID_CARER') = ("care_team_members"."worker_id" is null))
);
--> statement-breakpoint
CREATE TABLE "experience_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"statement_code" text NOT NULL,
	"answer" text NOT NULL,
	"comment" text,
	"answered_on" date NOT NULL,
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
	"sector" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_status_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"referral_id" text NOT NULL,
	"nhs_number" text NOT NULL,
	"status" text NOT NULL,
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
	"from_organisation_code" text NOT NULL,
	"from_organisation_name" text NOT NULL,
	"referrer" text NOT NULL,
	"to_organisation_code" text NOT NULL,
	"to_organisation_name" text NOT NULL,
	"to_sector" text NOT NULL,
	"service" text NOT NULL,
	"reason" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_by_role" text NOT NULL,
	"organisation_code" text NOT NULL,
	"organisation_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_needs" (
	"id" text PRIMARY KEY NOT NULL,
	"nhs_number" text NOT NULL,
	"skill" text NOT NULL,
	"because" text NOT NULL,
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
	"organisation_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "care_plan_actions_goal_idx" ON "care_plan_actions" USING btree ("goal_id","due_on","id");--> statement-breakpoint
CREATE INDEX "care_plan_actions_plan_idx" ON "care_plan_actions" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_changes_version_idx" ON "care_plan_changes" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "care_plan_changes_person_idx" ON "care_plan_changes" USING btree ("nhs_number","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "care_plan_goals_plan_idx" ON "care_plan_goals" USING btree ("plan_id","recorded_at","id");--> statement-breakpoint
CREATE INDEX "care_plan_reviews_plan_idx" ON "care_plan_reviews" USING btree ("plan_id","reviewed_on" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_person_idx" ON "care_plans" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "care_plans_next_review_idx" ON "care_plans" USING btree ("next_review_due");--> statement-breakpoint
CREATE INDEX "care_team_members_person_idx" ON "care_team_members" USING btree ("nhs_number","since","id");--> statement-breakpoint
CREATE INDEX "care_team_members_worker_idx" ON "care_team_members" USING btree ("worker_id","nhs_number");--> statement-breakpoint
CREATE INDEX "care_team_members_organisation_idx" ON "care_team_members" USING btree ("member_organisation_code","nhs_number");--> statement-breakpoint
CREATE UNIQUE INDEX "care_team_members_one_coordinator_idx" ON "care_team_members" USING btree ("nhs_number") WHERE "care_team_members"."is_coordinator";--> statement-breakpoint
CREATE UNIQUE INDEX "care_team_members_worker_once_idx" ON "care_team_members" USING btree ("nhs_number","kind","worker_id") WHERE "care_team_members"."worker_id" is not null;--> statement-breakpoint
CREATE INDEX "experience_responses_person_idx" ON "experience_responses" USING btree ("nhs_number","answered_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "experience_responses_statement_idx" ON "experience_responses" USING btree ("statement_code","nhs_number");--> statement-breakpoint
CREATE INDEX "referral_status_changes_referral_idx" ON "referral_status_changes" USING btree ("referral_id","recorded_at");--> statement-breakpoint
CREATE INDEX "referral_status_changes_person_idx" ON "referral_status_changes" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("nhs_number","sent_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referrals_worklist_idx" ON "referrals" USING btree ("to_organisation_code","sent_at","id");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("from_organisation_code","nhs_number");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_needs_person_skill_idx" ON "skill_needs" USING btree ("nhs_number",lower("skill"));