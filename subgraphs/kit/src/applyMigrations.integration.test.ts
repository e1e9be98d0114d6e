import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAppendOnlySql } from './access/auditEvents.ts';
import { kitMigrationsFolder } from './applyMigrations.ts';
import { governanceTables } from './governanceTables.ts';
import { openDatabase } from './openDatabase.ts';

// An agency's own migrations, as drizzle-kit writes them: one table of its domain.
const agencyFolder = mkdtempSync(join(tmpdir(), 'joined-up-agency-migrations-'));
mkdirSync(join(agencyFolder, 'meta'));
writeFileSync(
  join(agencyFolder, '0000_initial.sql'),
  'CREATE TABLE "patients" ("nhs_number" text PRIMARY KEY NOT NULL);\n',
);
writeFileSync(
  join(agencyFolder, 'meta/_journal.json'),
  JSON.stringify({
    version: '7',
    dialect: 'postgresql',
    entries: [{ idx: 0, version: '7', when: 1764000000000, tag: '0000_initial', breakpoints: true }],
  }),
);

describe("the kit's migrations", () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create();
  });
  afterAll(async () => {
    await pglite.close();
    rmSync(agencyFolder, { recursive: true, force: true });
  });

  it('make the audit append-only with the trigger the kit defines, and journal it', () => {
    const file = readdirSync(kitMigrationsFolder).find((name) => name.endsWith('_audit_append_only.sql'))!;
    expect(readFileSync(join(kitMigrationsFolder, file), 'utf8')).toContain(auditAppendOnlySql);
    const journal = JSON.parse(readFileSync(join(kitMigrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: Array<{ tag: string }>;
    };
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toContain(file);
  });

  it("create the governance tables beside an agency's own, and run again changing nothing", async () => {
    const clone = (await pglite.clone()) as PGlite;
    const open = () =>
      openDatabase({ name: 'health', schema: governanceTables, migrationsFolder: agencyFolder, pglite: clone });
    await (await open()).close();
    await (await open()).close();
    const tables = await clone.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'audit_events',
        'care_team',
        'delegations',
        'seed_runs',
        'sharing_decisions',
        'patients',
      ]),
    );
    await expect(clone.query('delete from audit_events')).rejects.toThrow('audit_events is append-only');
    await clone.close();
  });

  it('refuse a database made by an older layout of the agency’s migrations, saying what to do', async () => {
    const clone = (await pglite.clone()) as PGlite;
    await clone.exec(
      'create schema drizzle; create table ' +
        'drizzle.__drizzle_migrations (id serial, hash text, ' +
        'created_at bigint); insert into drizzle.__drizzle_migrations ' +
        "(hash, created_at) values ('an-old-migration', 1)",
    );
    await expect(
      openDatabase({ name: 'health', schema: governanceTables, migrationsFolder: agencyFolder, pglite: clone }),
    ).rejects.toThrow(/older layout.*delete its folder \(\.data\/health\)/);
    await clone.close();
  });
});
