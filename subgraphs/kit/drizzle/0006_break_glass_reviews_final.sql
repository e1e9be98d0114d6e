-- A review of a break-glass declaration is made once and then stands: the service inserts reviews
-- and never changes one, so no one may (the table's owner aside, whose change the review's own
-- audit row, in the hash chain, still records as made).
CREATE OR REPLACE FUNCTION break_glass_reviews_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'break_glass_reviews: a review stands once made: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER break_glass_reviews_final BEFORE UPDATE OR DELETE OR TRUNCATE ON break_glass_reviews
  FOR EACH STATEMENT EXECUTE FUNCTION break_glass_reviews_final();
