ALTER TABLE "workers" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "phone" text;