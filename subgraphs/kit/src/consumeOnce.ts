import { consumedEvents } from './outboxEvents.ts';
import type { Database } from './openDatabase.ts';
import type { Transaction } from './runIdempotentWrite.ts';

/**
 * Handles an event at most once per consumer, whatever the engine redelivers: the consumer's
 * mark and what handling did commit in one transaction, so a redelivery finds the mark and does
 * nothing, and a failure leaves no mark, so the redelivery does it all. Returns whether it ran.
 */
export async function consumeOnce<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  consumer: string,
  eventId: string,
  handle: (tx: Transaction<TSchema>) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(consumedEvents)
      .values({ consumer, eventId })
      .onConflictDoNothing()
      .returning({ eventId: consumedEvents.eventId });
    if (!claimed) return false;
    await handle(tx as Transaction<TSchema>);
    return true;
  });
}
