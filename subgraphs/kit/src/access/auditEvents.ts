import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every read and write of a person's data, recorded by the agency that holds it. Each agency
 * includes this table in its schema; a migration adds a trigger that makes it append-only, so
 * not even the agency's own code can rewrite who saw what.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** The gateway's own id for the request, unique per request. */
    requestId: text('request_id').notNull(),
    /** The caller's own x-request-id, if it sent one: for following a request, never a key (callers may repeat it). */
    correlationId: text('correlation_id'),
    actorSubject: text('actor_subject').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    actorOrganisationCode: text('actor_organisation_code').notNull(),
    actorOrganisationName: text('actor_organisation_name').notNull(),
    purpose: text('purpose').notNull(),
    nhsNumber: text('nhs_number').notNull(),
    action: text('action').notNull(),
    categories: text('categories').array().notNull(),
    breakGlass: boolean('break_glass').notNull().default(false),
    breakGlassReason: text('break_glass_reason'),
    /** True on the request that declared the emergency (not on later reads it still covers). */
    breakGlassDeclared: boolean('break_glass_declared').notNull().default(false),
  },
  (table) => [
    index('audit_events_person_idx').on(table.nhsNumber, table.occurredAt.desc(), table.id.desc()),
    index('audit_events_break_glass_idx')
      .on(table.occurredAt.desc())
      .where(sql`${table.breakGlass}`),
    // Every request looks up emergencies the caller declared for its people in the last half hour.
    // Only declarations are indexed, so the lookup stays tiny however much a busy person's record is
    // read (through the person index it scanned every read of the half hour: 11 ms at 19,000).
    index('audit_events_declared_idx')
      .on(table.actorSubject, table.nhsNumber, table.occurredAt.desc())
      .where(sql`${table.breakGlassDeclared}`),
  ],
);

/** The SQL of the migration that makes audit_events append-only (see each agency's drizzle/). */
const appendOnlyFunction = [
  'CREATE OR REPLACE FUNCTION audit_events_append_only()',
  'RETURNS trigger LANGUAGE plpgsql AS $$',
].join(' ');
export const auditAppendOnlySql = `${appendOnlyFunction}
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
`;
