import { type Database, decodeCursor, pageSize, toConnection } from '@joined-up/kit';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { allocations, type SocialCareTables } from './tables.ts';

export interface CaseloadArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * A worker's current allocations, a page at a time in (NHS number, id) order. The partial
 * caseload index (tables.ts) serves the filter, the order and the cursor, so a deep page
 * costs the same as the first.
 */
export async function socialCareCaseload(db: Database<SocialCareTables>, workerId: string, args: CaseloadArgs) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const rows = await db
    .select()
    .from(allocations)
    .where(
      and(
        eq(allocations.workerId, workerId),
        isNull(allocations.endedOn),
        after ? sql`(${allocations.nhsNumber}, ${allocations.id}) > (${after.key}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(allocations.nhsNumber), asc(allocations.id))
    .limit(size + 1);
  return toConnection(rows, size, (row) => ({ key: row.nhsNumber, id: row.id }));
}
