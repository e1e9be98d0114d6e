import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../openDatabase.ts';

/** How a link of the audit's hash chain is broken. */
export type AuditChainBreakKind = 'ALTERED' | 'MISSING' | 'RELINKED' | 'UNCHAINED' | 'TRUNCATED';

/** One broken link: where, and what it means. */
export interface AuditChainBreak {
  kind: AuditChainBreakKind;
  /** The chain position of the row at which the chain breaks; null for a row outside the chain. */
  position: number | null;
  /** The audit row at the break, when there is one. */
  auditEventId: string | null;
  description: string;
}

/** What verifying an agency's audit found. */
export interface AuditVerification {
  /** True when every row is in the chain and every link holds. */
  intact: boolean;
  rowsChecked: number;
  /** The chain's head as the database holds it: record it elsewhere to detect a later rewrite of the whole. */
  head: { position: number; hash: string } | null;
  /** The first breaks found, in chain order (at most `maxBreaks`). */
  breaks: AuditChainBreak[];
}

const genesis = '0'.repeat(64);

/** One field of a row's canonical text, exactly as the migration's audit_events_field builds it. */
function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

interface ChainRow {
  id: string;
  chain_position: string;
  previous_hash: string | null;
  row_hash: string | null;
  occurred_at: string;
  request_id: string;
  correlation_id: string | null;
  actor_subject: string;
  actor_name: string;
  actor_role: string;
  actor_organisation_code: string;
  actor_organisation_name: string;
  purpose: string;
  nhs_number: string;
  action: string;
  categories: string;
  break_glass: string;
  break_glass_reason: string | null;
  break_glass_declared: string;
}

/**
 * The hash a row should carry, computed here from its columns rather than by the database's own
 * functions, so that whoever holds the owner role cannot make verification pass by replacing them.
 */
export function auditRowHash(row: ChainRow): string {
  const categories = JSON.parse(row.categories) as string[];
  const text = [
    'joined-up-audit-v1',
    field(row.previous_hash),
    field(row.chain_position),
    field(row.id),
    field(row.occurred_at),
    field(row.request_id),
    field(row.correlation_id),
    field(row.actor_subject),
    field(row.actor_name),
    field(row.actor_role),
    field(row.actor_organisation_code),
    field(row.actor_organisation_name),
    field(row.purpose),
    field(row.nhs_number),
    field(row.action),
    field(categories.length === 0 ? null : categories.map(field).join(',')),
    field(row.break_glass),
    field(row.break_glass_reason),
    field(row.break_glass_declared),
  ].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Walks an agency's audit in chain order and reports every broken link, up to `maxBreaks`: a row
 * whose content no longer matches its hash (ALTERED), positions missing before a row (MISSING), a
 * row not chained to the one before it (RELINKED), rows outside the chain, inserted with its
 * trigger disabled (UNCHAINED), and a head that says rows came after the last one found
 * (TRUNCATED). Reads in pages of `batchSize` rows, so it runs in bounded memory however long the
 * audit. An owner who rewrites every row from some point on and the head with them leaves a chain
 * that holds: comparing the head with one recorded earlier, outside the database, finds that.
 */
export async function verifyAuditChain(
  db: Database<Record<string, unknown>>,
  options: { batchSize?: number; maxBreaks?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const maxBreaks = options.maxBreaks ?? 100;
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const breaks: AuditChainBreak[] = [];
  const note = (found: AuditChainBreak) => {
    if (breaks.length < maxBreaks) breaks.push(found);
  };
  let expected = 1;
  let previousHash = genesis;
  let rowsChecked = 0;
  for (;;) {
    const page = await rowsOf<ChainRow>(sql`
      select id::text, chain_position::text, previous_hash, row_hash,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
        request_id, correlation_id, actor_subject, actor_name, actor_role, actor_organisation_code,
        actor_organisation_name, purpose, nhs_number, action, array_to_json(categories)::text as categories,
        break_glass::text, break_glass_reason, break_glass_declared::text
      from audit_events where chain_position >= ${expected} order by audit_events.chain_position limit ${batchSize}`);
    for (const row of page) {
      const position = Number(row.chain_position);
      rowsChecked += 1;
      if (position !== expected) {
        const missing = position - expected;
        note({
          kind: 'MISSING',
          position,
          auditEventId: row.id,
          description:
            `${missing} row${missing === 1 ? '' : 's'} missing before position ${position} ` +
            `(positions ${expected} to ${position - 1}): deleted.`,
        });
      } else if (row.previous_hash !== previousHash) {
        note({
          kind: 'RELINKED',
          position,
          auditEventId: row.id,
          description: `The row at position ${position} is not chained to the row before it: one was rewritten.`,
        });
      }
      if (auditRowHash(row) !== row.row_hash) {
        note({
          kind: 'ALTERED',
          position,
          auditEventId: row.id,
          description: `The row at position ${position} no longer matches its hash: its content was changed.`,
        });
      }
      previousHash = row.row_hash ?? '';
      expected = position + 1;
    }
    if (page.length < batchSize) break;
  }
  const [head] = await rowsOf<{ position: string; hash: string }>(
    sql`select position::text, hash from audit_chain_head where id = 1`,
  );
  if (head && (Number(head.position) !== expected - 1 || head.hash !== previousHash)) {
    note({
      kind: 'TRUNCATED',
      position: Number(head.position),
      auditEventId: null,
      description:
        `The chain's head is at position ${head.position}, but its last row found is at ` +
        `position ${expected - 1}: rows were deleted from its end, or the head was changed.`,
    });
  }
  const unchained = await rowsOf<{ id: string }>(
    sql`select id::text from audit_events where chain_position is null order by id limit ${maxBreaks}`,
  );
  for (const row of unchained) {
    note({
      kind: 'UNCHAINED',
      position: null,
      auditEventId: row.id,
      description: `Audit row ${row.id} is outside the chain: it was inserted with the chain's trigger disabled.`,
    });
  }
  return {
    intact: breaks.length === 0,
    rowsChecked: rowsChecked + unchained.length,
    head: head ? { position: Number(head.position), hash: head.hash } : null,
    breaks,
  };
}
