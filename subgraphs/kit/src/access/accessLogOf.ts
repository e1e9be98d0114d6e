import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../openDatabase.ts';
import { decodeCursor, isTimestamp, pageSize, toConnection } from '../pagination.ts';
import { auditEvents } from './auditEvents.ts';
import { breakGlassReviews } from './breakGlassReviews.ts';
import { toBreakGlassReview } from './toBreakGlassReview.ts';

type AuditRow = typeof auditEvents.$inferSelect;

const declarations = alias(auditEvents, 'declaration');
// In hand-written SQL an alias renders as its name only: the table has to be named beside it.
const declarationsTable = sql`${auditEvents} as ${sql.identifier('declaration')}`;

/**
 * The declaration an emergency access falls under: itself when it declared the emergency, else the
 * caller's latest declaration for the same person with the same reason made before it (the one
 * whose half hour kept the record open: loadConsentFacts opened it with that declaration's reason).
 * Null for an access that was not an emergency. One indexed lookup (audit_events_declared_idx),
 * made only for emergency accesses.
 */
export const declarationOf: SQL<string | null> = sql<string | null>`case
  when ${auditEvents.breakGlassDeclared} then ${auditEvents.id}
  when ${auditEvents.breakGlass} then (
    select ${declarations.id} from ${declarationsTable}
    where ${declarations.breakGlassDeclared}
      and ${declarations.actorSubject} = ${auditEvents.actorSubject}
      and ${declarations.nhsNumber} = ${auditEvents.nhsNumber}
      and ${declarations.breakGlassReason} = ${auditEvents.breakGlassReason}
      and ${declarations.occurredAt} <= ${auditEvents.occurredAt}
    order by ${declarations.occurredAt} desc, ${declarations.id} desc
    limit 1)
end`.mapWith(String);

/**
 * A page of the agency's audit, newest first: one person's access log (`nhsNumber` given) or
 * the break-glass accesses a privacy officer reviews (`breakGlassOnly`, and `unreviewed` for those
 * whose declaration is not yet reviewed). Each emergency access carries the review of its
 * declaration, in the same statement; the officer's note only when `showNotes`.
 */
export async function accessLogOf(
  db: Database<Record<string, unknown>>,
  agencyName: string,
  filter: { nhsNumber?: string; breakGlassOnly?: boolean; unreviewed?: boolean; showNotes?: boolean },
  args: { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, isTimestamp, (id) => /^\d{1,18}$/.test(id));
  const conditions: Array<SQL | undefined> = [
    filter.nhsNumber ? eq(auditEvents.nhsNumber, filter.nhsNumber) : undefined,
    filter.breakGlassOnly ? eq(auditEvents.breakGlass, true) : undefined,
    filter.unreviewed ? and(eq(auditEvents.breakGlass, true), isNull(breakGlassReviews.declarationId)) : undefined,
    after
      ? or(
          lt(auditEvents.occurredAt, after.key),
          and(eq(auditEvents.occurredAt, after.key), lt(auditEvents.id, Number(after.id))),
        )
      : undefined,
  ];
  const rows = await db
    .select({ event: auditEvents, declarationId: declarationOf, review: breakGlassReviews })
    .from(auditEvents)
    .leftJoin(breakGlassReviews, eq(breakGlassReviews.declarationId, declarationOf))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(size + 1);
  const connection = toConnection(rows, size, (row) => ({ key: row.event.occurredAt, id: String(row.event.id) }));
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({
      cursor: edge.cursor,
      node: {
        ...toAccessEvent(edge.node.event, agencyName),
        breakGlassDeclarationId: edge.node.declarationId,
        breakGlassReview: edge.node.review ? toBreakGlassReview(edge.node.review, filter.showNotes === true) : null,
      },
    })),
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
    breakGlassDeclared: row.breakGlassDeclared,
    requestId: row.requestId,
    correlationId: row.correlationId,
  };
}
