import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Caller } from '@joined-up/core';
import { GraphQLError } from 'graphql';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceTables } from '../governanceTables.ts';
import { type OpenedDatabase, openDatabase } from '../openDatabase.ts';
import { type ScratchDatabase, scratchDatabase } from '../scratchDatabase.ts';
import { accessLogOf } from './accessLogOf.ts';
import { definePolicy } from './AgencyPolicy.ts';
import { auditEvents } from './auditEvents.ts';
import { breakGlassAccesses } from './breakGlassAccesses.ts';
import { breakGlassReviews } from './breakGlassReviews.ts';
import { createAuditTrail } from './createAuditTrail.ts';
import { reviewBreakGlass } from './reviewBreakGlass.ts';
import { verifyAuditChain } from './verifyAuditChain.ts';

// An agency's own migrations, as drizzle-kit writes them: none beyond the kit's.
const agencyFolder = mkdtempSync(join(tmpdir(), 'joined-up-break-glass-review-'));
mkdirSync(join(agencyFolder, 'meta'));
writeFileSync(
  join(agencyFolder, 'meta/_journal.json'),
  JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }),
);
afterAll(() => rmSync(agencyFolder, { recursive: true, force: true }));

const policy = definePolicy({
  sector: 'health',
  categories: ['demographics', 'access-log'],
  rules: [],
  delegable: ['access-log'],
  breakGlass: { roles: ['gp'], categories: ['demographics'] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOF1'],
});

const caller = (subject: string, role: string, code: string): Caller => ({
  subject,
  name: subject === 'w-po-ward' ? 'Joanna Ward' : `Someone ${subject}`,
  role,
  organisation: { code, name: code === 'DEMOF1' ? 'Riverside GP Federation' : 'Elsewhere', sector: 'health' },
  actsFor: undefined,
  scopes: ['record:read', 'record:write'],
  purpose: 'direct-care',
  token: 'unused',
});
const officer = caller('w-po-ward', 'privacy-officer', 'DEMOF1');
const secondOfficer = caller('w-po-second', 'privacy-officer', 'DEMOF1');
const gp = caller('w-gp-shah', 'gp', 'DEMOP1');
const sam = '9990000018';
const reason = 'Found collapsed at the surgery; checking diabetes history';

/** An audit row the way a request writes it: an emergency declared, one read under it, or neither. */
const access = (request: string, kind: 'declared' | 'continued' | 'ordinary', nhsNumber = sam, why = reason) => ({
  requestId: request,
  actorSubject: 'w-gp-brown',
  actorName: 'Dr Michael Brown',
  actorRole: 'gp',
  actorOrganisationCode: 'DEMOP2',
  actorOrganisationName: 'Castle Street Surgery',
  purpose: 'direct-care',
  nhsNumber,
  action: 'read',
  categories: ['demographics'],
  breakGlass: kind !== 'ordinary',
  breakGlassReason: kind === 'ordinary' ? null : why,
  breakGlassDeclared: kind === 'declared',
});

type ErrorCode = string | undefined;
const codeOf = async (work: Promise<unknown>): Promise<ErrorCode> =>
  work.then(
    () => undefined,
    (error: unknown) => (error instanceof GraphQLError ? (error.extensions['code'] as string) : String(error)),
  );

describe.each(['pglite', 'postgresql'] as const)('reviewing break-glass declarations on %s', (engine) => {
  let database: OpenedDatabase<typeof governanceTables>;
  let scratch: ScratchDatabase | undefined;
  const ids: Record<string, number> = {};
  const contextOf = (who: Caller, requestId: string) => ({
    caller: who,
    requestId,
    db: database.db,
    agency: { displayName: 'Riverside GP Federation' },
    audit: createAuditTrail(who, requestId),
  });
  const review = (who: Caller, declarationId: number | string, outcome: string, note: string, requestId = 'r') =>
    reviewBreakGlass(contextOf(who, requestId), policy, { declarationId: String(declarationId), outcome, note });
  const list = async (unreviewed: boolean) =>
    (await breakGlassAccesses(contextOf(officer, 'list'), policy, { first: 100, unreviewed })).edges.map(
      (edge) => edge.node,
    );

  beforeAll(async () => {
    scratch = engine === 'postgresql' ? await scratchDatabase('jtest_break_glass_review') : undefined;
    database = await openDatabase({
      name: 'break-glass-review',
      schema: governanceTables,
      migrationsFolder: agencyFolder,
      databaseUrl: scratch?.url,
    });
    // Each request its own insert, in order, as the audit writes them.
    for (const [name, row] of [
      ['ordinary', access('req-1', 'ordinary')],
      ['first', access('req-2', 'declared')],
      ['firstContinued', access('req-3', 'continued')],
      ['other', access('req-4', 'declared', '9434765919', 'Unconscious in the waiting room; allergies?')],
      ['second', access('req-5', 'declared', sam, 'Second emergency: hypoglycaemia at home')],
      ['secondContinued', access('req-6', 'continued', sam, 'Second emergency: hypoglycaemia at home')],
      ['firstLater', access('req-7', 'continued')],
    ] as const) {
      const [inserted] = await database.db.insert(auditEvents).values(row).returning({ id: auditEvents.id });
      ids[name] = inserted!.id;
    }
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('ties every emergency access to the declaration that opened it, all unreviewed at first', async () => {
    const listed = await list(false);
    const declarationOf = Object.fromEntries(listed.map((node) => [node.id, node.breakGlassDeclarationId]));
    expect(declarationOf).toEqual({
      [ids['first']!]: String(ids['first']),
      [ids['firstContinued']!]: String(ids['first']),
      [ids['firstLater']!]: String(ids['first']),
      [ids['other']!]: String(ids['other']),
      [ids['second']!]: String(ids['second']),
      [ids['secondContinued']!]: String(ids['second']),
    });
    expect(listed.every((node) => node.breakGlassReview === null)).toBe(true);
    expect((await list(true)).map((node) => node.id)).toEqual(listed.map((node) => node.id));
  });

  it('records a review with its audit row, in one transaction, and drops the declaration from unreviewed', async () => {
    const before = (await verifyAuditChain(database.db)).rowsChecked;
    const made = await review(officer, ids['first']!, 'JUSTIFIED', '  Confirmed with the practice: a real collapse. ');
    expect(made).toEqual({
      replayed: false,
      review: {
        declarationId: String(ids['first']),
        outcome: 'JUSTIFIED',
        note: 'Confirmed with the practice: a real collapse.',
        reviewerName: 'Joanna Ward',
        organisation: { code: 'DEMOF1', name: 'Riverside GP Federation' },
        reviewedAt: expect.any(String),
      },
    });
    // The declaration and the reads its half hour covered are reviewed together; the others are not.
    const unreviewed = (await list(true)).map((node) => node.id);
    expect(unreviewed.sort()).toEqual([ids['other'], ids['second'], ids['secondContinued']].map(String).sort());
    const written = await database.db.select().from(auditEvents).where(eq(auditEvents.requestId, 'r'));
    expect(written.map((row) => [row.actorName, row.nhsNumber, row.action, row.categories])).toEqual([
      ['Joanna Ward', sam, 'write', ['break-glass-review']],
    ]);
    // The review's audit row is in the hash chain like every other.
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, rowsChecked: before + 1 });
  });

  it('answers the same review again with the stored one and writes nothing', async () => {
    const count = async () => ({
      reviews: (await database.db.select().from(breakGlassReviews)).length,
      audit: (await database.db.select().from(auditEvents)).length,
    });
    const before = await count();
    const again = await review(officer, ids['first']!, 'JUSTIFIED', 'Confirmed with the practice: a real collapse.');
    expect(again.replayed).toBe(true);
    expect(again.review.outcome).toBe('JUSTIFIED');
    expect(await count()).toEqual(before);
  });

  it('refuses a different review of a reviewed declaration with CONFLICT, naming the review that stands', async () => {
    const refused = review(officer, ids['first']!, 'NOT_JUSTIFIED', 'On reflection, no.').catch((error) => error);
    const error = (await refused) as GraphQLError;
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      argumentName: 'declarationId',
      current: { outcome: 'JUSTIFIED', reviewerName: 'Joanna Ward' },
    });
    // Another officer's identical outcome is not theirs to replay either.
    expect(
      await codeOf(review(secondOfficer, ids['first']!, 'JUSTIFIED', 'Confirmed with the practice: a real collapse.')),
    ).toBe('CONFLICT');
    const [stored] = await database.db
      .select()
      .from(breakGlassReviews)
      .where(eq(breakGlassReviews.declarationId, ids['first']!));
    expect(stored).toMatchObject({ outcome: 'justified', reviewerSubject: 'w-po-ward' });
  });

  it('lets exactly one of two different concurrent reviews stand, the other refused', async () => {
    const outcomes = await Promise.all([
      codeOf(review(officer, ids['second']!, 'REFERRED', 'Referred to the Caldicott guardian.', 'c1')),
      codeOf(review(secondOfficer, ids['second']!, 'NOT_JUSTIFIED', 'No emergency on the record.', 'c2')),
    ]);
    expect(outcomes.sort()).toEqual(['CONFLICT', undefined].sort());
    const stored = await database.db
      .select()
      .from(breakGlassReviews)
      .where(eq(breakGlassReviews.declarationId, ids['second']!));
    expect(stored).toHaveLength(1);
    // Only the review that stands was audited as a write.
    const writes = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'write'));
    expect(writes.filter((row) => ['c1', 'c2'].includes(row.requestId))).toHaveLength(1);
  });

  it('keeps a review as it was made: the database refuses to change or delete one', async () => {
    for (const statement of [
      sql`update break_glass_reviews set outcome = 'not-justified'`,
      sql`delete from break_glass_reviews`,
      sql`truncate break_glass_reviews`,
    ]) {
      const refused = await database.db.execute(statement).then(
        () => undefined,
        (error: { cause?: { message?: string } }) => error.cause?.message,
      );
      expect(refused).toMatch(
        /^break_glass_reviews: a review stands once made: (UPDATE|DELETE|TRUNCATE) is not allowed$/,
      );
    }
    expect(await database.db.select().from(breakGlassReviews)).toHaveLength(2);
  });

  it('refuses anyone but the privacy officer, and ids that are no declaration', async () => {
    expect(await codeOf(review(gp, ids['other']!, 'JUSTIFIED', 'Looks fine to me.'))).toBe('FORBIDDEN');
    const elsewhere = caller('w-po-elsewhere', 'privacy-officer', 'DEMOLA1');
    expect(await codeOf(review(elsewhere, ids['other']!, 'JUSTIFIED', 'Looks fine to me.'))).toBe('FORBIDDEN');
    expect(await codeOf(review(officer, ids['ordinary']!, 'JUSTIFIED', 'Not an emergency.'))).toBe('NOT_FOUND');
    expect(await codeOf(review(officer, ids['firstLater']!, 'JUSTIFIED', 'A read under it.'))).toBe('NOT_FOUND');
    expect(await codeOf(review(officer, 'abc', 'JUSTIFIED', 'Not an id.'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(review(officer, ids['other']!, 'MAYBE', 'Not an outcome.'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(review(officer, ids['other']!, 'JUSTIFIED', '   '))).toBe('BAD_USER_INPUT');
    expect(await codeOf(review(officer, ids['other']!, 'JUSTIFIED', 'x'.repeat(2001)))).toBe('BAD_USER_INPUT');
    expect((await list(true)).map((node) => node.id)).toContain(String(ids['other']));
  });

  it("shows the person each emergency access with its review's outcome, and the note to officers only", async () => {
    const log = async (showNotes: boolean) =>
      (await accessLogOf(database.db, 'Riverside GP Federation', { nhsNumber: sam, showNotes }, { first: 100 })).edges
        .map((edge) => edge.node)
        .filter((node) => node.breakGlass);
    const asPerson = await log(false);
    const first = asPerson.find((node) => node.id === String(ids['firstLater']));
    expect(first).toMatchObject({
      breakGlassDeclared: false,
      breakGlassDeclarationId: String(ids['first']),
      breakGlassReview: { outcome: 'JUSTIFIED', note: null, reviewerName: 'Joanna Ward' },
    });
    expect(asPerson.find((node) => node.id === String(ids['first']))?.breakGlassDeclared).toBe(true);
    const asOfficer = await log(true);
    expect(asOfficer.find((node) => node.id === String(ids['first']))?.breakGlassReview?.note).toBe(
      'Confirmed with the practice: a real collapse.',
    );
  });
});
