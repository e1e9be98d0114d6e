import { createHash } from 'node:crypto';
import type { Database } from './openDatabase.ts';
import { outboxEvents } from './outboxEvents.ts';
import type { OutboxRelay } from './startOutboxRelay.ts';

/** An event no write causes, but the passing of time: a review falling due. */
export interface ScheduledEvent {
  /** What happened, without the agency's name: review-due. */
  type: string;
  nhsNumber: string;
  /** The agency's own id of the record the event is about. */
  recordId: string;
  /**
   * What makes this occurrence one: the same type, record and key is the same event, however often
   * a scan finds it (the review's due date: a new date is a new event, the same date never twice).
   */
  occurrence: string;
  /** When it happened. @default now */
  occurredAt?: string;
}

/** A stable event id for one occurrence, UUID-shaped, so that every scan that finds it writes the same row. */
function occurrenceId(agency: string, event: ScheduledEvent): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([agency, event.type, event.recordId, event.occurrence]))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Records events that a scan of the agency's data finds (not a write) in its outbox, each exactly
 * once: the id is derived from the occurrence, so a second scan, a second replica or a restart
 * mid-scan inserts nothing new (ON CONFLICT DO NOTHING) and the relay publishes each once.
 * Returns how many were new.
 */
export async function recordScheduledEvents(
  db: Database<Record<string, unknown>>,
  agency: string,
  events: ScheduledEvent[],
  outbox?: OutboxRelay,
): Promise<number> {
  if (events.length === 0) return 0;
  const now = new Date().toISOString();
  const inserted = await db
    .insert(outboxEvents)
    .values(
      events.map((event) => ({
        id: occurrenceId(agency, event),
        type: `${agency}.${event.type}`,
        nhsNumber: event.nhsNumber,
        recordId: event.recordId,
        occurredAt: event.occurredAt ?? now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: outboxEvents.id });
  if (inserted.length > 0) outbox?.wake();
  return inserted.length;
}
