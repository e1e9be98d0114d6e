import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf } from './anyOf.ts';
import { createNewestFirstPageLoader } from './createNewestFirstPageLoader.ts';
import { createSelectBatcher } from './createSelectBatcher.ts';
import { type OpenedDatabase, openDatabase } from './openDatabase.ts';
import { type ScratchDatabase, scratchDatabase } from './scratchDatabase.ts';

// Tables with every kind of column the agencies keep, so that a row mapped from the batch can be
// compared with the same row mapped by drizzle alone.
const people = pgTable('people', {
  nhsNumber: text('nhs_number').primaryKey(),
  name: text('name').notNull(),
  placeCode: text('place_code'),
});
const places = pgTable('places', { code: text('code').primaryKey(), name: text('name').notNull() });
const visits = pgTable('visits', {
  id: serial('id').primaryKey(),
  nhsNumber: text('nhs_number').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }),
  heldOn: date('held_on'),
  attended: boolean('attended'),
  minutes: integer('minutes'),
  details: jsonb('details').$type<{ what: string; tags: string[] }>(),
  tags: text('tags').array(),
  note: text('note'),
});
const schema = { people, places, visits };

const migrations = mkdtempSync(join(tmpdir(), 'joined-up-select-batcher-'));
mkdirSync(join(migrations, 'meta'));
writeFileSync(
  join(migrations, '0000_tables.sql'),
  `CREATE TABLE "people" ("nhs_number" text PRIMARY KEY NOT NULL, "name" text NOT NULL, "place_code" text);
--> statement-breakpoint
CREATE TABLE "places" ("code" text PRIMARY KEY NOT NULL, "name" text NOT NULL);
--> statement-breakpoint
CREATE TABLE "visits" ("id" serial PRIMARY KEY NOT NULL, "nhs_number" text NOT NULL,
  "occurred_at" timestamp with time zone NOT NULL, "recorded_at" timestamp with time zone, "held_on" date,
  "attended" boolean, "minutes" integer, "details" jsonb, "tags" text[], "note" text);`,
);
writeFileSync(
  join(migrations, 'meta/_journal.json'),
  JSON.stringify({
    version: '7',
    dialect: 'postgresql',
    entries: [{ idx: 0, version: '7', when: 1764000000000, tag: '0000_tables', breakpoints: true }],
  }),
);
afterAll(() => rmSync(migrations, { recursive: true, force: true }));

describe.each(['pglite', 'postgresql'] as const)('createSelectBatcher on %s', (engine) => {
  let database: OpenedDatabase<typeof schema>;
  let scratch: ScratchDatabase | undefined;
  const keys = ['9990000018', '9990000026', '9990000034'];

  beforeAll(async () => {
    scratch = engine === 'postgresql' ? await scratchDatabase('jtest_select_batcher') : undefined;
    database = await openDatabase({
      name: 'select-batcher',
      schema,
      migrationsFolder: migrations,
      databaseUrl: scratch?.url,
    });
    const { db } = database;
    await db.insert(places).values({ code: 'P1', name: 'Riverside' });
    await db.insert(people).values([
      { nhsNumber: keys[0]!, name: 'Sam Taylor', placeCode: 'P1' },
      { nhsNumber: keys[1]!, name: "Jo O'Neill", placeCode: 'NOWHERE' },
      { nhsNumber: keys[2]!, name: 'Ana Lopes' },
    ]);
    for (let i = 0; i < 12; i += 1)
      await db.insert(visits).values({
        nhsNumber: keys[i % 3]!,
        occurredAt: new Date(Date.UTC(2026, i % 5, 1 + i, 9, 30, 15, 250)),
        recordedAt: i % 2 === 0 ? `2026-0${1 + (i % 9)}-0${1 + (i % 8)}T10:00:00.123+01:00` : null,
        heldOn: i % 3 === 0 ? `2026-11-${10 + i}` : null,
        attended: i % 4 === 0 ? null : i % 2 === 0,
        minutes: i % 5 === 0 ? null : i * 7,
        details: i % 2 === 0 ? { what: `visit ${i}, "quoted"`, tags: ['a', 'b'] } : null,
        tags: i % 3 === 1 ? ['x', 'with, comma', 'ü'] : null,
        note: i % 6 === 0 ? null : `note ${i}`,
      });
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  // Each select the agencies make, built afresh each time it is asked for.
  const selects = () => {
    const { db } = database;
    return [
      db.select().from(people).where(anyOf(people.nhsNumber, keys)).orderBy(asc(people.nhsNumber)),
      db.select().from(visits).where(anyOf(visits.nhsNumber, keys)).orderBy(desc(visits.occurredAt), asc(visits.id)),
      db
        .select({ person: people, place: places })
        .from(people)
        .leftJoin(places, eq(people.placeCode, places.code))
        .orderBy(asc(people.nhsNumber)),
      db
        .select({ id: visits.id, total: sql<number>`count(*) over ()`.as('total') })
        .from(visits)
        .orderBy(asc(visits.id))
        .limit(4),
      db
        .select()
        .from(visits)
        .where(anyOf(visits.nhsNumber, ['nobody'])),
    ] as const;
  };

  it('answers each select with the rows it gets alone, in order; selects of columns go in one statement', async () => {
    const alone = [];
    for (const query of selects()) alone.push(await query);
    const batch = createSelectBatcher(database.db as never);
    const before = database.statements.count;
    const [people, visitRows, joined, counted, none] = selects();
    const together = await Promise.all([batch(people), batch(visitRows), batch(joined), batch(counted), batch(none)]);
    // The select of a computed value (the count) runs alone: the type of its nulls is not known.
    expect(database.statements.count - before).toBe(2);
    expect(together).toEqual(alone);
    // A timestamp is a Date and a jsonb an object, as drizzle maps them, not text.
    expect(together[1][0]?.occurredAt).toBeInstanceOf(Date);
    expect(together[2].find((row) => row.person.nhsNumber === keys[1])?.place).toBeNull();
  });

  it('runs a select alone in its turn as drizzle runs it', async () => {
    const batch = createSelectBatcher(database.db as never);
    const before = database.statements.count;
    const [query] = selects();
    expect(await batch(query)).toEqual(await selects()[0]);
    expect(database.statements.count - before).toBe(2);
  });

  it("batches a page loader's window query with the other selects", async () => {
    const batch = createSelectBatcher(database.db as never);
    const columns = { person: visits.nhsNumber, sortKey: visits.occurredAt, id: visits.id };
    const pages = () => createNewestFirstPageLoader(database.db as never, visits, columns, batch);
    const alone = await createNewestFirstPageLoader(database.db as never, visits, columns).loadMany(
      keys.map((nhsNumber) => ({ nhsNumber, limit: 3, after: undefined })),
    );
    const before = database.statements.count;
    const [page, list] = await Promise.all([
      pages().loadMany(keys.map((nhsNumber) => ({ nhsNumber, limit: 3, after: undefined }))),
      batch(selects()[1]),
    ]);
    expect(database.statements.count - before).toBe(1);
    expect(page).toEqual(alone);
    expect(list).toEqual(await selects()[1]);
  });

  it('fails every select of a batch whose statement fails, and the next batch runs', async () => {
    const { db } = database;
    const batch = createSelectBatcher(db as never);
    const broken = db
      .select()
      .from(visits)
      .where(sql`${visits.minutes} / 0 = 1`);
    const results = await Promise.allSettled([batch(selects()[0]), batch(broken)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await batch(selects()[0])).toEqual(await selects()[0]);
  });
});
