import { createHash, randomUUID } from 'node:crypto';
import { createError, inSpan } from '@joined-up/core';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from './access/auditEvents.ts';
import { auditRow } from './access/createAuditTrail.ts';
import { idempotencyKeys } from './access/idempotencyKeys.ts';
import type { SubgraphContext } from './createSubgraphServer.ts';
import type { Database } from './openDatabase.ts';
import { outboxEvents } from './outboxEvents.ts';

/** The transaction a write runs in, over the agency's schema. */
export type Transaction<TSchema extends Record<string, unknown>> = Parameters<
  Parameters<Database<TSchema>['transaction']>[0]
>[0];

/** What a write stores under its key: the ids its answer is read back from. */
export type WriteResult = Record<string, string>;

/** An event a write causes, for the care team to hear about. */
export interface OutboxEvent {
  /** What happened, without the agency's name: admission, discharge, carer-cannot-care. */
  type: string;
  /** Whose record. @default the write's person */
  nhsNumber?: string;
  /** The agency's own id of the record the event is about. */
  recordId: string;
  /** When it happened. @default now */
  occurredAt?: string;
}

/** How a write records the events it causes: into the outbox, in its own transaction. */
export interface EventRecorder {
  record(event: OutboxEvent): void;
}

const keyPattern = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Runs one change exactly once per caller and idempotency key, in one transaction with its audit
 * row and the events it records (the transactional outbox).
 *
 * The key row is inserted first with ON CONFLICT DO NOTHING: PostgreSQL makes a concurrent retry
 * with the same key wait until the first transaction ends, so the retry then finds the stored
 * result and returns it (replayed) instead of applying the change again. If the change fails (a
 * stale version, invalid input) the whole transaction rolls back, key included, so the client may
 * retry the same key once it has fixed the cause. A key reused for a different change is
 * refused: replaying it would silently drop the new change.
 */
export async function runIdempotentWrite<TSchema extends Record<string, unknown>, TLoaders>(
  context: SubgraphContext<TSchema, TLoaders>,
  change: { operation: string; idempotencyKey: string; input: unknown; nhsNumber: string; categories: string[] },
  write: (tx: Transaction<TSchema>, events: EventRecorder) => Promise<WriteResult>,
): Promise<{ result: WriteResult; replayed: boolean }> {
  if (!keyPattern.test(change.idempotencyKey)) {
    throw createError(
      'BAD_USER_INPUT',
      'Field "input.idempotencyKey" must be 8 to 100 letters, ' +
        'digits, dots, colons, dashes or underscores, such as a UUID.',
      { argumentName: 'input.idempotencyKey' },
    );
  }
  const inputHash = createHash('sha256')
    .update(JSON.stringify([change.operation, change.input]))
    .digest('hex');
  const caller = context.caller.subject;
  const thisKey = and(eq(idempotencyKeys.callerSubject, caller), eq(idempotencyKeys.key, change.idempotencyKey));
  const outcome = await context.db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ callerSubject: caller, key: change.idempotencyKey, operation: change.operation, inputHash, result: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed) {
      const [stored] = await tx.select().from(idempotencyKeys).where(thisKey);
      if (!stored || stored.operation !== change.operation || stored.inputHash !== inputHash) {
        throw createError(
          'BAD_USER_INPUT',
          'Field "input.idempotencyKey" was already used for a different change; make a new key for each change.',
          { argumentName: 'input.idempotencyKey' },
        );
      }
      return { result: stored.result as WriteResult, replayed: true as boolean, row: undefined, events: 0 };
    }
    const recorded: OutboxEvent[] = [];
    const result = await write(tx as Transaction<TSchema>, { record: (event) => void recorded.push(event) });
    // The events commit with the change or not at all: nothing is announced that did not happen.
    if (recorded.length > 0) {
      const now = new Date().toISOString();
      await tx.insert(outboxEvents).values(
        recorded.map((event) => ({
          id: randomUUID(),
          type: `${context.agency.name}.${event.type}`,
          nhsNumber: event.nhsNumber ?? change.nhsNumber,
          recordId: event.recordId,
          occurredAt: event.occurredAt ?? now,
        })),
      );
    }
    // The audit row commits with the change or not at all: nothing is changed unrecorded.
    const row = auditRow(context, change.nhsNumber, [...change.categories].sort(), 'write');
    await inSpan('audit.write', { attributes: { 'joined_up.audit.rows': 1 } }, async (span) => {
      await tx.insert(auditEvents).values(row);
      span?.setAttribute('joined_up.audit.outcome', 'written');
    });
    await tx.update(idempotencyKeys).set({ result }).where(thisKey);
    return { result, replayed: false, row, events: recorded.length };
  });
  // Counted once committed: a rolled-back change wrote no audit row.
  if (outcome.row) context.metrics?.audited([outcome.row]);
  // Committed: the relay publishes now rather than at its next poll.
  if (outcome.events > 0) context.outbox?.wake();
  return { result: outcome.result, replayed: outcome.replayed };
}
