import { type Database, decodeCursor, pageSize, toConnection } from '@joined-up/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { clients, type VoluntarySectorTables } from './tables.ts';

const sortKey = sql<string>`lower(${clients.familyName}) || ' ' || lower(${clients.givenName})`;

/**
 * A worker's clients in name order, keyset-paginated on (name, id) over the index that leads
 * with the worker, so a deep page costs the same as the first.
 */
export async function listClients(
  db: Database<VoluntarySectorTables>,
  workerId: string,
  args: { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const rows = await db
    .select({ client: clients, sortKey })
    .from(clients)
    .where(
      and(
        eq(clients.workerId, workerId),
        after ? sql`(${sortKey}, ${clients.id}) > (${after.key}, ${after.id})` : undefined,
      ),
    )
    .orderBy(sortKey, asc(clients.id))
    .limit(size + 1);
  const connection = toConnection(rows, size, (row) => ({ key: row.sortKey, id: row.client.id }));
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.client })) };
}
