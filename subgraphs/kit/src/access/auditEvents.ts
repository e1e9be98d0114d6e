import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

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
    /**
     * The row's place in the agency's hash chain (1, 2, 3, ... in the order rows were appended),
     * the hash of the row before it, and its own hash over its content and that previous hash: set
     * by the database as each row is inserted (see auditChainSql), so that deleting or editing a row,
     * even as the table's owner, breaks a link that verifyAuditChain finds.
     */
    chainPosition: bigint('chain_position', { mode: 'number' }),
    previousHash: text('previous_hash'),
    rowHash: text('row_hash'),
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
    uniqueIndex('audit_events_chain_position_idx').on(table.chainPosition),
  ],
);

/**
 * The head of the audit's hash chain: one row, the position and hash of the last row appended.
 * Each insert locks and advances it in its own transaction, so concurrent requests append one
 * after another and the chain never forks; verification compares it with the last row, so rows
 * deleted from the end are found too.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: integer('id').primaryKey().default(1),
    position: bigint('position', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [check('audit_chain_head_single_row', sql`${table.id} = 1`)],
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
