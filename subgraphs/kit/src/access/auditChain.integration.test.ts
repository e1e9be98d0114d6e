import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceTables } from '../governanceTables.ts';
import { type OpenedDatabase, openDatabase } from '../openDatabase.ts';
import { type ScratchDatabase, scratchDatabase } from '../scratchDatabase.ts';
import { auditEvents } from './auditEvents.ts';
import { verifyAuditChain } from './verifyAuditChain.ts';

// An agency's own migrations, as drizzle-kit writes them: none beyond the kit's.
const agencyFolder = mkdtempSync(join(tmpdir(), 'joined-up-audit-chain-'));
mkdirSync(join(agencyFolder, 'meta'));
writeFileSync(
  join(agencyFolder, 'meta/_journal.json'),
  JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }),
);

const row = (i: number) => ({
  requestId: `request-${i}`,
  correlationId: i % 2 === 0 ? `caller-${i}` : null,
  actorSubject: 'w-gp-shah',
  actorName: i === 3 ? 'Dr Priya Shah, "naïve" – 🩺' : 'Dr Priya Shah',
  actorRole: 'gp',
  actorOrganisationCode: 'DEMOP1',
  actorOrganisationName: 'Riverside Medical Centre',
  purpose: 'direct-care',
  nhsNumber: '9990000018',
  action: 'read',
  categories: i === 4 ? [] : ['demographics', 'problems'],
  breakGlass: i === 5,
  breakGlassReason: i === 5 ? 'Collapsed; checking diabetes history' : null,
  breakGlassDeclared: i === 5,
});

afterAll(() => rmSync(agencyFolder, { recursive: true, force: true }));

describe.each(['pglite', 'postgresql'] as const)('the hash-chained audit on %s', (engine) => {
  let database: OpenedDatabase<typeof governanceTables>;
  let scratch: ScratchDatabase | undefined;
  const execute = (statement: ReturnType<typeof sql>) => database.db.execute(statement);

  beforeAll(async () => {
    scratch = engine === 'postgresql' ? await scratchDatabase('jtest_audit_chain') : undefined;
    database = await openDatabase({
      name: 'audit-chain',
      schema: governanceTables,
      migrationsFolder: agencyFolder,
      databaseUrl: scratch?.url,
    });
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('chains every row as it is inserted, concurrent inserts included, and verifies intact', async () => {
    await database.db.insert(auditEvents).values([row(1), row(2)]);
    // Concurrent requests each append their rows in their own statement: the head row makes them take turns.
    await Promise.all(Array.from({ length: 30 }, (_, i) => database.db.insert(auditEvents).values(row(i + 3))));
    const verification = await verifyAuditChain(database.db);
    expect(verification).toMatchObject({ intact: true, rowsChecked: 32, breaks: [] });
    expect(verification.head?.position).toBe(32);
    const positions = await database.db.select({ position: auditEvents.chainPosition }).from(auditEvents);
    expect(positions.map((found) => found.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 32 }, (_, i) => i + 1),
    );
  });

  it("finds rows the table's owner deleted and edited, naming the first broken link", async () => {
    // The owner may disable the append-only trigger; the chain still shows what it did.
    await execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await execute(sql`delete from audit_events where chain_position in (6, 7)`);
    await execute(sql`update audit_events set actor_name = 'Someone else' where chain_position = 12`);
    await execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const verification = await verifyAuditChain(database.db);
    expect(verification.intact).toBe(false);
    expect(verification.breaks.map(({ kind, position }) => ({ kind, position }))).toEqual([
      { kind: 'MISSING', position: 8 },
      { kind: 'ALTERED', position: 12 },
    ]);
    expect(verification.breaks[0]?.description).toBe('2 rows missing before position 8 (positions 6 to 7): deleted.');
  });

  it('finds rows deleted from the end and rows slipped in outside the chain', async () => {
    await execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await execute(sql`delete from audit_events where chain_position = 32`);
    await execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    await execute(sql`alter table audit_events disable trigger audit_events_chain`);
    await database.db.insert(auditEvents).values(row(99));
    await execute(sql`alter table audit_events enable trigger audit_events_chain`);
    const kinds = (await verifyAuditChain(database.db)).breaks.map((found) => found.kind);
    expect(kinds).toEqual(['MISSING', 'ALTERED', 'TRUNCATED', 'UNCHAINED']);
  });
});
