import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One row per change a caller made with an idempotency key: what the change was (its operation and
 * a hash of its input) and what it produced, so a retry with the same key is answered with the
 * first result instead of being applied again. Every agency keeps this table (the kit migrates it).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    callerSubject: text('caller_subject').notNull(),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    inputHash: text('input_hash').notNull(),
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('idempotency_keys_caller_key_idx').on(table.callerSubject, table.key)],
);
