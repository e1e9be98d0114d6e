import { addDays, type Database, type EventServices, recordScheduledEvents } from '@joined-up/kit';
import { and, asc, between, gt, ne, or, eq } from 'drizzle-orm';
import { plans, type SocialCareTables } from './tables.ts';

/**
 * How far ahead the team hears that a review is due: four weeks, time enough for the social worker
 * to book it with the person, their carer and the provider, and for the team to bring what they know.
 */
export const reviewNoticeDays = 28;
const batchSize = 500;
const hourMs = 3_600_000;

/**
 * Finds the care and support plans whose review falls due in the next `reviewNoticeDays` days and
 * records social-care.review-due for each, once per plan and due date: a scan that finds the same
 * review again, a second replica, or a restart writes nothing new; a review moved to a new date is
 * a new event when that date comes near. A review already overdue is not announced here (it was
 * announced as it came near; overdue reviews are a worklist, not news). Returns how many were new.
 */
export async function scanReviewsDue(
  services: Pick<EventServices<SocialCareTables>, 'agency' | 'db'> &
    Partial<Pick<EventServices<SocialCareTables>, 'outbox'>>,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const db = services.db;
  const until = addDays(today, reviewNoticeDays);
  let recorded = 0;
  let after: { due: string; id: string } | undefined;
  for (;;) {
    const due = await db
      .select({ id: plans.id, nhsNumber: plans.nhsNumber, nextReviewDue: plans.nextReviewDue })
      .from(plans)
      .where(
        and(
          between(plans.nextReviewDue, today, until),
          ne(plans.status, 'ENDED'),
          after
            ? or(gt(plans.nextReviewDue, after.due), and(eq(plans.nextReviewDue, after.due), gt(plans.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(asc(plans.nextReviewDue), asc(plans.id))
      .limit(batchSize);
    recorded += await recordScheduledEvents(
      db as Database<Record<string, unknown>>,
      services.agency.name,
      due.map((plan) => ({
        type: 'review-due',
        nhsNumber: plan.nhsNumber,
        recordId: plan.id,
        occurrence: plan.nextReviewDue,
      })),
      services.outbox,
    );
    const last = due.at(-1);
    if (!last || due.length < batchSize) return recorded;
    after = { due: last.nextReviewDue, id: last.id };
  }
}

/**
 * Scans for reviews falling due when the council's subgraph starts and every hour after: a review
 * date recorded today is announced within the hour once it is within the notice period.
 */
export async function startReviewDueScan(services: EventServices<SocialCareTables>) {
  let running: Promise<unknown> = Promise.resolve();
  const scan = () => {
    running = scanReviewsDue(services).catch((error: unknown) =>
      services.logger.warn({ err: error }, 'review-due scan failed; it runs again within the hour'),
    );
  };
  scan();
  const timer = setInterval(scan, hourMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
