import { auditEvents, governanceTables } from '@joined-up/kit';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';
const reason = 'Found collapsed at the surgery; checking diabetes history';

type Node = {
  id: string;
  nhsNumber: string;
  actorName: string;
  breakGlassDeclared: boolean;
  breakGlassDeclarationId: string | null;
  breakGlassReview: { outcome: string; note: string | null; reviewerName: string } | null;
};
type Listed = Record<string, { edges: Array<{ node: Node }> }>;
const nodeFields =
  'id nhsNumber actorName breakGlassDeclared breakGlassDeclarationId breakGlassReview { outcome note reviewerName }';
const review = (field: string) => `mutation Review($id: ID!, $outcome: BreakGlassReviewOutcome!, $note: String!) {
  ${field}(declarationId: $id, outcome: $outcome, note: $note) {
    replayed review { declarationId outcome note reviewerName organisation { code } } } }`;

/**
 * Break-glass is reviewed, not only listed: an emergency access through the gateway is listed for
 * the agency's privacy officer as unreviewed, reviewed once (a retry changes nothing, a different
 * review is refused, no one else may review), and the person sees it and its review in their log.
 */
describe('break-glass review, end to end through the gateway', () => {
  let federation: TestFederation;
  let declarationId: string;
  const list = async (as: string, field: string, unreviewed: boolean) => {
    const result = await federation.query<Listed>(
      as,
      `query($unreviewed: Boolean) { ${field}(first: 100, unreviewed: $unreviewed) {
        edges { node { ${nodeFields} } } } }`,
      { unreviewed },
    );
    expect(result.body.errors).toBeUndefined();
    return result.body.data![field]!.edges.map((edge) => edge.node);
  };
  const healthDb = () => federation.federation.subgraphs['health']!.database.db;

  beforeAll(async () => {
    federation = await startFederationForTest({ people: 100 });
  });
  afterAll(async () => federation?.stop());

  it('lists an emergency access, and the reads its half hour kept open, as unreviewed', async () => {
    const query = `{ person(nhsNumber: "${sam}") { name { full } careAndSupportPlan { status } } }`;
    const declared = await federation.query<{ person: { name: { full: string } } }>(
      'unrelated-gp',
      query,
      {},
      { 'x-break-glass': `${sam}; ${reason}` },
    );
    expect(declared.body.data?.person.name.full).toBe('Sam Taylor');
    const continued = await federation.query<{ person: { name: { full: string } } }>('unrelated-gp', query);
    expect(continued.body.data?.person.name.full).toBe('Sam Taylor');
    const unreviewed = (await list('privacy-officer', 'healthBreakGlassAccesses', true)).filter(
      (node) => node.nhsNumber === sam,
    );
    expect(unreviewed.map((node) => node.breakGlassDeclared)).toEqual([false, true]);
    declarationId = unreviewed[1]!.id;
    expect(unreviewed).toEqual(
      unreviewed.map((node) => ({
        ...node,
        actorName: 'Dr Michael Brown',
        breakGlassDeclarationId: declarationId,
        breakGlassReview: null,
      })),
    );
  });

  it('takes the privacy officer review once; the declaration is then no longer unreviewed', async () => {
    const note = 'Confirmed with Castle Street Surgery: Sam collapsed in their waiting room.';
    const made = await federation.query('privacy-officer', review('reviewHealthBreakGlass'), {
      id: declarationId,
      outcome: 'JUSTIFIED',
      note,
    });
    expect(made.body).toEqual({
      data: {
        reviewHealthBreakGlass: {
          replayed: false,
          review: {
            declarationId,
            outcome: 'JUSTIFIED',
            note,
            reviewerName: 'Joanna Ward',
            organisation: { code: 'DEMOF1' },
          },
        },
      },
    });
    const unreviewed = await list('privacy-officer', 'healthBreakGlassAccesses', true);
    expect(unreviewed.filter((node) => node.breakGlassDeclarationId === declarationId)).toEqual([]);
    const all = await list('privacy-officer', 'healthBreakGlassAccesses', false);
    const covered = all.filter((node) => node.breakGlassDeclarationId === declarationId);
    expect(covered.map((node) => node.breakGlassReview)).toEqual([
      { outcome: 'JUSTIFIED', note, reviewerName: 'Joanna Ward' },
      { outcome: 'JUSTIFIED', note, reviewerName: 'Joanna Ward' },
    ]);

    // A retry of the same review is answered with it and writes nothing.
    const count = async () => ({
      reviews: (await healthDb().select().from(governanceTables.breakGlassReviews)).length,
      writes: (
        await healthDb()
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.actorSubject, 'w-po-ward'), eq(auditEvents.action, 'write')))
      ).length,
    });
    expect(await count()).toEqual({ reviews: 1, writes: 1 });
    const again = await federation.query<{ reviewHealthBreakGlass: { replayed: boolean } }>(
      'privacy-officer',
      review('reviewHealthBreakGlass'),
      { id: declarationId, outcome: 'JUSTIFIED', note },
    );
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.reviewHealthBreakGlass.replayed).toBe(true);
    expect(await count()).toEqual({ reviews: 1, writes: 1 });

    // A different review is refused, saying which one stands.
    const conflicting = await federation.query('privacy-officer', review('reviewHealthBreakGlass'), {
      id: declarationId,
      outcome: 'NOT_JUSTIFIED',
      note: 'On reflection, no emergency.',
    });
    expect(conflicting.body.data).toEqual({ reviewHealthBreakGlass: null });
    expect(conflicting.body.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        argumentName: 'declarationId',
        current: expect.objectContaining({ outcome: 'JUSTIFIED', reviewerName: 'Joanna Ward' }),
      }),
    ]);
  });

  it("refuses a review from anyone but the agency's own privacy officer", async () => {
    for (const user of ['gp', 'unrelated-gp', 'council-privacy-officer', 'sam']) {
      const refused = await federation.query(user, review('reviewHealthBreakGlass'), {
        id: declarationId,
        outcome: 'NOT_JUSTIFIED',
        note: 'Not theirs to review.',
      });
      expect(refused.body.data, user).toEqual({ reviewHealthBreakGlass: null });
      expect(refused.body.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
    }
    const [stored] = await healthDb().select().from(governanceTables.breakGlassReviews);
    expect(stored).toMatchObject({ outcome: 'justified', reviewerSubject: 'w-po-ward' });
  });

  it("gives every agency the same review: the council's officer reviews social care's declaration", async () => {
    const unreviewed = (await list('council-privacy-officer', 'socialCareBreakGlassAccesses', true)).filter(
      (node) => node.nhsNumber === sam && node.breakGlassDeclared,
    );
    expect(unreviewed).toHaveLength(1);
    const made = await federation.query<{ reviewSocialCareBreakGlass: { replayed: boolean } }>(
      'council-privacy-officer',
      review('reviewSocialCareBreakGlass'),
      { id: unreviewed[0]!.id, outcome: 'REFERRED', note: 'Referred to the Caldicott guardian: support plan opened.' },
    );
    expect(made.body.errors).toBeUndefined();
    expect(await list('council-privacy-officer', 'socialCareBreakGlassAccesses', true)).toEqual([]);
  });

  it('shows Sam, and his mother, the emergency access to his record and its review in his access log', async () => {
    const log = `{ person(nhsNumber: "${sam}") { healthAccessLog(first: 20) { edges { node { ${nodeFields} } } } } }`;
    for (const user of ['sam', 'carer']) {
      const result = await federation.query<{ person: { healthAccessLog: { edges: Array<{ node: Node }> } } }>(
        user,
        log,
      );
      expect(result.body.errors, user).toBeUndefined();
      const emergency = result.body
        .data!.person.healthAccessLog.edges.map((edge) => edge.node)
        .filter((node) => node.breakGlassDeclarationId === declarationId);
      // The officer's note stays with the officers; the person sees who reviewed it and what they found.
      expect(emergency, user).toEqual([
        expect.objectContaining({
          actorName: 'Dr Michael Brown',
          breakGlassDeclared: false,
          breakGlassReview: { outcome: 'JUSTIFIED', note: null, reviewerName: 'Joanna Ward' },
        }),
        expect.objectContaining({
          actorName: 'Dr Michael Brown',
          breakGlassDeclared: true,
          breakGlassReview: { outcome: 'JUSTIFIED', note: null, reviewerName: 'Joanna Ward' },
        }),
      ]);
    }
    // And the review itself is in his log, as the officer's write.
    const sams = await federation.query<{ person: { healthAccessLog: { edges: Array<{ node: Node }> } } }>(
      'sam',
      `{ person(nhsNumber: "${sam}") { healthAccessLog(first: 20) {
        edges { node { actorName action categories } } } } }`,
    );
    expect(sams.body.data?.person.healthAccessLog.edges.map((edge) => edge.node)).toContainEqual({
      actorName: 'Joanna Ward',
      action: 'WRITE',
      categories: ['break-glass-review'],
    });
  });

  it('audited every answer of person data this suite received, in each agency that answered', async () => {
    const { checked, missing } = await federation.unauditedReads();
    expect(checked).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });
});
