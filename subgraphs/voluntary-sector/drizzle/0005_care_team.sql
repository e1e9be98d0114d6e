ALTER TABLE "shared_care_team" RENAME TO "care_team";--> statement-breakpoint
DROP INDEX "shared_care_team_member_idx";--> statement-breakpoint
ALTER TABLE "care_team" DROP CONSTRAINT "shared_care_team_nhs_number_member_subject_pk";--> statement-breakpoint
ALTER TABLE "care_team" ADD CONSTRAINT "care_team_nhs_number_member_subject_pk" PRIMARY KEY("nhs_number","member_subject");--> statement-breakpoint
ALTER TABLE "care_team" ADD COLUMN "member_name" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "care_team" ALTER COLUMN "member_name" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "care_team_member_idx" ON "care_team" USING btree ("member_subject");