import { createError, decodeCursor, isTimestamp, pageSize, toConnection } from '@joined-up/kit';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Context } from './context.ts';
import { notifications } from './tables.ts';

type NotificationRow = typeof notifications.$inferSelect;

/**
 * What happened, in plain words a care worker or a carer would use, for the events the partnership's
 * agencies publish today. An event of a kind not listed still reaches its recipients, named by its
 * agency and kind, so an agency that starts publishing a new kind needs no change here first.
 */
const summaries: Record<string, string> = {
  'hospital.admission': 'Admitted to hospital',
  'hospital.discharge': 'Discharged from hospital',
  'hospital.emergency-attendance': 'Attended the emergency department',
  'social-care.review-due': 'A social care review is due',
  'social-care.service-started': 'A social care service started',
  'social-care.service-ended': 'A social care service ended',
  'voluntary-sector.referral-accepted': 'A voluntary sector referral was accepted',
  'voluntary-sector.referral-closed': 'A voluntary sector referral was closed',
  'care-coordination.plan-changed': 'The care plan changed',
  'care-coordination.referral-sent': 'A referral was sent',
  'care-coordination.referral-accepted': 'A referral was accepted',
  'care-coordination.referral-declined': 'A referral was declined',
  'care-coordination.referral-completed': 'A referral was completed',
  'care-coordination.carer-cannot-care': 'The carer cannot care: the contingency plan is in force',
};

/** The plain words for an event's kind: never a diagnosis or detail, which stay with the agency that holds them. */
export function summaryOf(kind: string): string {
  const known = summaries[kind];
  if (known) return known;
  const [agency = kind, what = ''] = kind.split('.', 2);
  return `${agency.replace(/-/g, ' ')}: ${what.replace(/-/g, ' ')}`.replace(/^./, (first) => first.toUpperCase());
}

/** PostgreSQL's timestamp text as ISO 8601, as the DateTime scalar and the engine's events write it. */
const iso = (at: string | null) => (at === null ? null : new Date(at).toISOString());

const toNotification = (row: NotificationRow) => ({
  id: row.id,
  kind: row.eventType,
  summary: summaryOf(row.eventType),
  agency: row.agency,
  recordId: row.recordId,
  person: { nhsNumber: row.nhsNumber },
  reason: row.reason,
  occurredAt: iso(row.occurredAt),
  deliveredAt: iso(row.deliveredAt),
  readAt: iso(row.readAt),
});

/** The caller's own inbox, newest first: the only rows any of these resolvers reads are the caller's. */
async function myNotifications(
  _: unknown,
  args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
  context: Context,
) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, isTimestamp);
  const mine = eq(notifications.recipientSubject, context.caller.subject);
  const [rows, [unread]] = await Promise.all([
    context.db
      .select()
      .from(notifications)
      .where(
        and(
          mine,
          args.unreadOnly ? isNull(notifications.readAt) : undefined,
          after
            ? sql`(${notifications.deliveredAt}, ${notifications.id}) < (${after.key}::timestamptz, ${after.id})`
            : undefined,
        ),
      )
      .orderBy(desc(notifications.deliveredAt), desc(notifications.id))
      .limit(size + 1),
    context.db
      .select({ unread: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  const connection = toConnection(rows, size, (row) => ({ key: row.deliveredAt, id: row.id }));
  return {
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toNotification(edge.node) })),
    pageInfo: connection.pageInfo,
    unreadCount: unread?.unread ?? 0,
  };
}

async function myNotification(_: unknown, args: { id: string }, context: Context) {
  const [row] = await context.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, args.id), eq(notifications.recipientSubject, context.caller.subject)));
  return row ? toNotification(row) : null;
}

/**
 * Marks the caller's own notifications read. One statement, so it is atomic; `read_at` is set only
 * where it is unset, so a retry (or two screens marking at once) keeps the first time.
 */
async function markNotificationsRead(_: unknown, args: { ids: string[] }, context: Context) {
  if (args.ids.length < 1 || args.ids.length > 100) {
    throw createError('BAD_USER_INPUT', 'Argument "ids" must name 1 to 100 notifications.', { argumentName: 'ids' });
  }
  const mine = and(inArray(notifications.id, args.ids), eq(notifications.recipientSubject, context.caller.subject));
  await context.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine, isNull(notifications.readAt)));
  const rows = await context.db.select().from(notifications).where(mine).orderBy(desc(notifications.deliveredAt));
  return rows.map(toNotification);
}

/** The inbox's resolvers; the live feed is the gateway's (Subscription.myNotifications). */
export const notificationResolvers = {
  Query: { myNotifications, myNotification },
  Mutation: { markNotificationsRead },
  CareCoordinationNotification: {
    __resolveReference: (reference: { id: unknown }, context: Context) =>
      typeof reference.id === 'string' ? myNotification(undefined, { id: reference.id }, context) : null,
  },
};
