import { randomUUID } from 'node:crypto';
import { createError, runIdempotentWrite, type SubgraphContext, withProvenance } from '@joined-up/kit';
import { and, eq } from 'drizzle-orm';
import type { VoluntarySectorLoaders } from './createLoaders.ts';
import { referralStatusChanges, referrals, type VoluntarySectorTables, workers } from './tables.ts';

type Context = SubgraphContext<VoluntarySectorTables, VoluntarySectorLoaders>;
type Input = Record<string, unknown>;

/** The charities' workers who take referrals on and close them: link workers and carers' support workers. */
const receivingRoles = ['link-worker', 'carer-support-worker'];
const roleTitles: Record<string, string> = {
  'link-worker': 'Link worker',
  'carer-support-worker': 'Carers’ support worker',
};
/** How a referral closes, and the status it must be at: declined before it is taken on, completed after. */
const closings = { DECLINED: 'SENT', COMPLETED: 'ACCEPTED' } as const;

function invalid(path: string, message: string): never {
  throw createError('BAD_USER_INPUT', `Field "${path}" ${message}`, { argumentName: path });
}

function optionalText(value: unknown, path: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > max) invalid(path, `must be 1 to ${max} characters.`);
  return text;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The referral the caller's organisation received. A referral that does not exist and one sent to
 * another organisation are refused alike, so an id tells a caller nothing about anyone; then the
 * charities' policy decides as for a read of the referral.
 */
async function receivedReferral(context: Context, input: Input) {
  const id = typeof input['referralId'] === 'string' ? input['referralId'].trim() : '';
  const [referral] = id ? await context.db.select().from(referrals).where(eq(referrals.id, id)) : [];
  if (
    !referral ||
    referral.referredToCode !== context.caller.organisation.code ||
    !receivingRoles.includes(context.caller.role)
  ) {
    throw createError('NOT_FOUND', 'No referral with that id was sent to your organisation.', {
      argumentName: 'input.referralId',
    });
  }
  await context.access.require(referral.nhsNumber, 'referrals');
  return referral;
}

/** Moves a referral from one status to another in one UPDATE, so two answers at once cannot both win. */
async function moveReferral(
  context: Context,
  change: { operation: string; input: Input; referral: typeof referrals.$inferSelect; from: string; to: string },
  set: Partial<typeof referrals.$inferInsert>,
  event: 'referral-accepted' | 'referral-closed',
  reason: string | null,
) {
  const { referral } = change;
  const { replayed } = await runIdempotentWrite(
    context,
    {
      operation: change.operation,
      idempotencyKey: String(change.input['idempotencyKey'] ?? ''),
      input: change.input,
      nhsNumber: referral.nhsNumber,
      categories: ['referrals'],
    },
    async (tx, events) => {
      const moved = await tx
        .update(referrals)
        .set({ status: change.to, ...set })
        .where(and(eq(referrals.id, referral.id), eq(referrals.status, change.from)))
        .returning({ id: referrals.id });
      if (moved.length === 0) {
        const [current] = await tx
          .select({ status: referrals.status })
          .from(referrals)
          .where(eq(referrals.id, referral.id));
        throw createError(
          'CONFLICT',
          `The referral is ${current?.status ?? 'gone'}; ` +
            `it can be ${change.to.toLowerCase()} only when ${change.from}.`,
          { argumentName: 'input.referralId', current: current?.status ?? null },
        );
      }
      const recordedAt = new Date().toISOString();
      await tx.insert(referralStatusChanges).values({
        id: randomUUID(),
        referralId: referral.id,
        status: change.to,
        changedOn: today(),
        changedBy: `${context.caller.name}, ${roleTitles[context.caller.role] ?? context.caller.role}`,
        reason,
        recordedById: context.caller.subject,
        recordedByName: context.caller.name,
        recordedByRole: context.caller.role,
        organisationCode: context.caller.organisation.code,
        organisationName: context.caller.organisation.name,
        recordedAt,
      });
      events.record({ type: event, recordId: referral.id, occurredAt: recordedAt });
      return { referralId: referral.id };
    },
  );
  const [row] = await context.db.select().from(referrals).where(eq(referrals.id, referral.id));
  return { referral: withProvenance(row!), replayed };
}

/**
 * The charities' answers to the social prescribing referrals they receive: taken on (a worker
 * allocated) or closed (declined, or completed once support has finished), by the receiving
 * organisation's own workers, once per idempotency key, and announced to the person's care team
 * (voluntary-sector.referral-accepted, voluntary-sector.referral-closed) in the same transaction.
 */
export const referralMutations = {
  acceptVoluntarySectorReferral: async (_: unknown, { input }: { input: Input }, context: Context) => {
    const referral = await receivedReferral(context, input);
    const workerId = optionalText(input['linkWorkerId'], 'input.linkWorkerId', 100) ?? context.caller.subject;
    const [worker] = await context.db.select().from(workers).where(eq(workers.id, workerId));
    if (worker?.organisationCode !== referral.referredToCode)
      invalid('input.linkWorkerId', 'is not a worker of the organisation the referral was sent to.');
    return moveReferral(
      context,
      { operation: 'acceptVoluntarySectorReferral', input, referral, from: 'SENT', to: 'ACCEPTED' },
      { linkWorkerId: workerId },
      'referral-accepted',
      null,
    );
  },

  closeVoluntarySectorReferral: async (_: unknown, { input }: { input: Input }, context: Context) => {
    const referral = await receivedReferral(context, input);
    const outcome = input['outcome'];
    if (outcome !== 'DECLINED' && outcome !== 'COMPLETED') invalid('input.outcome', 'must be DECLINED or COMPLETED.');
    const reason = optionalText(input['reason'], 'input.reason', 2000);
    if (outcome === 'DECLINED' && !reason) invalid('input.reason', 'must say why the referral is declined.');
    return moveReferral(
      context,
      { operation: 'closeVoluntarySectorReferral', input, referral, from: closings[outcome], to: outcome },
      {},
      'referral-closed',
      reason,
    );
  },
};
