CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"position" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_position" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "previous_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "row_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_position_idx" ON "audit_events" USING btree ("chain_position");--> statement-breakpoint
-- One field of a row's canonical text: its length in bytes, a colon and the field, or '-' when null,
-- so that no choice of values can make two different rows read the same. verifyAuditChain.ts
-- builds the same text to check each hash, without trusting these functions.
CREATE OR REPLACE FUNCTION audit_events_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;
--> statement-breakpoint
-- A row's hash: SHA-256 over the previous row's hash and every column the audit records.
CREATE OR REPLACE FUNCTION audit_events_row_hash(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\n',
    'joined-up-audit-v1',
    audit_events_field(e.previous_hash),
    audit_events_field(e.chain_position::text),
    audit_events_field(e.id::text),
    audit_events_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    audit_events_field(e.request_id),
    audit_events_field(e.correlation_id),
    audit_events_field(e.actor_subject),
    audit_events_field(e.actor_name),
    audit_events_field(e.actor_role),
    audit_events_field(e.actor_organisation_code),
    audit_events_field(e.actor_organisation_name),
    audit_events_field(e.purpose),
    audit_events_field(e.nhs_number),
    audit_events_field(e.action),
    audit_events_field(
      (SELECT string_agg(audit_events_field(category), ',' ORDER BY ordinal)
         FROM unnest(e.categories) WITH ORDINALITY AS listed(category, ordinal))
    ),
    audit_events_field(e.break_glass::text),
    audit_events_field(e.break_glass_reason),
    audit_events_field(e.break_glass_declared::text)
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Rows written before the chain existed are chained in the order they were written.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
DO $$
DECLARE
  event audit_events;
  previous text := repeat('0', 64);
  place bigint := 0;
BEGIN
  FOR event IN SELECT * FROM audit_events ORDER BY id LOOP
    place := place + 1;
    event.chain_position := place;
    event.previous_hash := previous;
    previous := audit_events_row_hash(event);
    UPDATE audit_events SET chain_position = place, previous_hash = event.previous_hash, row_hash = previous
      WHERE id = event.id;
  END LOOP;
  INSERT INTO audit_chain_head (id, position, hash) VALUES (1, place, previous);
END
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
-- Every new row joins the chain as it is inserted, whoever inserts it. Locking the head row makes
-- concurrent inserts take their turn (the lock is held to the end of the inserting transaction),
-- so each row's previous hash is the hash of the row committed before it. SECURITY DEFINER: the
-- runtime role appends through this function and cannot write the head itself.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  NEW.chain_position := head.position + 1;
  NEW.previous_hash := head.hash;
  NEW.row_hash := audit_events_row_hash(NEW);
  UPDATE audit_chain_head SET position = NEW.chain_position, hash = NEW.row_hash WHERE id = 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- A SECURITY DEFINER function finds tables by a search path fixed here, not the caller's, so that
-- no caller can put a table of its own (a temporary one, say) in the way.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION audit_events_chain() SET search_path = %I, pg_catalog, pg_temp', current_schema());
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_events_chain() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
