import { decodeCursor, isTimestamp, pageSize, toConnection } from '@joined-up/kit';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import { invalid } from './inputRules.ts';
import type { Context } from './context.ts';
import { carePlans, careTeamMembers, referrals } from './tables.ts';

type PageArgs = { first?: number | null; after?: string | null };
const statuses = ['SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED'];

/**
 * The people whose named care coordinator is the caller, in NHS number order, a page at a time.
 * Listing a person is a read of their coordination record, so each is decided and audited.
 */
export async function myCoordinationCaseload(_: unknown, args: PageArgs, context: Context) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const rows = await context.db
    .select({
      nhsNumber: careTeamMembers.nhsNumber,
      since: careTeamMembers.since,
      nextReviewDue: carePlans.nextReviewDue,
      planId: carePlans.id,
    })
    .from(careTeamMembers)
    .leftJoin(carePlans, eq(carePlans.nhsNumber, careTeamMembers.nhsNumber))
    .where(
      and(
        eq(careTeamMembers.workerId, context.caller.subject),
        eq(careTeamMembers.isCoordinator, true),
        after ? gt(careTeamMembers.nhsNumber, after.key) : undefined,
      ),
    )
    .orderBy(asc(careTeamMembers.nhsNumber))
    .limit(size + 1);
  const page = rows.slice(0, size);
  await Promise.all(page.map((row) => context.access.require(row.nhsNumber, 'caseload')));
  for (const row of page) context.audit.record(row.nhsNumber, 'caseload');
  return toConnection(
    rows.map((row) => ({
      person: { nhsNumber: row.nhsNumber },
      since: row.since,
      hasPlan: row.planId !== null,
      nextReviewDue: row.nextReviewDue,
    })),
    size,
    (entry) => ({ key: entry.person.nhsNumber, id: entry.person.nhsNumber }),
  );
}

/**
 * Referrals sent to the caller's organisation, oldest first: the receiving agency's worklist.
 * A referral shows here the moment it is sent (the same database, no queue between them).
 */
export async function referralWorklist(_: unknown, args: PageArgs & { status?: string[] | null }, context: Context) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, isTimestamp);
  const wanted = args.status ?? null;
  if (wanted && (wanted.length === 0 || wanted.some((status) => !statuses.includes(status)))) {
    throw invalid('status', `must list some of ${statuses.join(', ')}.`);
  }
  const rows = await context.db
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.toOrganisationCode, context.caller.organisation.code),
        wanted ? inArray(referrals.status, wanted) : undefined,
        after
          ? or(gt(referrals.sentAt, after.key), and(eq(referrals.sentAt, after.key), gt(referrals.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(referrals.sentAt), asc(referrals.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  await Promise.all(page.map((row) => context.access.require(row.nhsNumber, 'own-referrals')));
  for (const row of page) context.audit.record(row.nhsNumber, 'own-referrals');
  return toConnection(rows, size, (row) => ({ key: new Date(row.sentAt).toISOString(), id: row.id }));
}
