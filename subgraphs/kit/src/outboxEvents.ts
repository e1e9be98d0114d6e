import { bigserial, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The transactional outbox: an event the agency's write causes is a row here, inserted in the
 * write's own transaction, so the event exists if and only if the change committed. The relay
 * publishes rows in order and marks them; a row published twice (a relay that stopped between
 * publishing and marking) carries the same id, which the engine and consumers drop.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: text('id').primaryKey(),
    /** Commit order, for publishing in order. */
    position: bigserial('position', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    nhsNumber: text('nhs_number').notNull(),
    recordId: text('record_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  },
  (table) => [
    index('outbox_events_unpublished_idx')
      .on(table.position)
      .where(sql`published_at is null`),
  ],
);

/**
 * The events each of the agency's consumers has handled, written in the same transaction as what
 * handling one did: a redelivered event finds its row and changes nothing (an idempotent consumer).
 */
export const consumedEvents = pgTable(
  'consumed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: text('event_id').notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.consumer, table.eventId] })],
);
