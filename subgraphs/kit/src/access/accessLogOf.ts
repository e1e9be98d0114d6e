import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../openDatabase.ts';
import { decodeCursor, isTimestamp, pageSize, toConnection } from '../pagination.ts';
import { auditEvents } from './auditEvents.ts';

type AuditRow = typeof auditEvents.$inferSelect;

/**
 * A page of the agency's audit, newest first: one person's access log (`nhsNumber` given) or
 * the break-glass accesses a privacy officer reviews (`breakGlassOnly`).
 */
export async function accessLogOf(
  db: Database<Record<string, unknown>>,
  agencyName: string,
  filter: { nhsNumber?: string; breakGlassOnly?: boolean },
  args: { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, isTimestamp, (id) => /^\d{1,18}$/.test(id));
  const conditions: Array<SQL | undefined> = [
    filter.nhsNumber ? eq(auditEvents.nhsNumber, filter.nhsNumber) : undefined,
    filter.breakGlassOnly ? eq(auditEvents.breakGlass, true) : undefined,
    after
      ? or(
          lt(auditEvents.occurredAt, after.key),
          and(eq(auditEvents.occurredAt, after.key), lt(auditEvents.id, Number(after.id))),
        )
      : undefined,
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(size + 1);
  const connection = toConnection(rows, size, (row) => ({ key: row.occurredAt, id: String(row.id) }));
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toAccessEvent(edge.node, agencyName) })),
  };
}

function toAccessEvent(row: AuditRow, agencyName: string) {
  return {
    id: String(row.id),
    occurredAt: new Date(row.occurredAt).toISOString(),
    agency: agencyName,
    nhsNumber: row.nhsNumber,
    actorName: row.actorName,
    actorRole: row.actorRole,
    organisation: { code: row.actorOrganisationCode, name: row.actorOrganisationName },
    purpose: row.purpose,
    action: row.action.toUpperCase(),
    categories: row.categories,
    breakGlass: row.breakGlass,
    breakGlassReason: row.breakGlassReason,
    requestId: row.requestId,
    correlationId: row.correlationId,
  };
}
