CREATE TABLE "measure_snapshots" (
	"scope" text NOT NULL,
	"holder" text NOT NULL,
	"week_of" date NOT NULL,
	"taken_on" date NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "measure_snapshots_scope_holder_week_of_pk" PRIMARY KEY("scope","holder","week_of")
);
