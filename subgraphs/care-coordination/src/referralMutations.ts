import { randomUUID } from 'node:crypto';
import { createError, requireNhsNumber } from '@joined-up/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { invalid, optionalText, recordedByCaller, requireOneOf, requireText } from './inputRules.ts';
import { type Context } from './context.ts';
import { runIdempotentWrite } from '@joined-up/kit';
import { organisations, referralStatusChanges, referrals } from './tables.ts';

const priorities = ['ROUTINE', 'URGENT'] as const;
const answers = ['ACCEPTED', 'DECLINED', 'COMPLETED'] as const;
/** Which status each answer may follow: a referral is answered once, and completed once accepted. */
const allowedFrom: Record<(typeof answers)[number], string[]> = {
  ACCEPTED: ['SENT'],
  DECLINED: ['SENT'],
  COMPLETED: ['ACCEPTED'],
};

async function referralById(context: Context, id: string) {
  const [referral] = await context.db.select().from(referrals).where(eq(referrals.id, id));
  return referral;
}

export const referralMutations = {
  sendReferral: async (
    _: unknown,
    {
      input,
    }: {
      input: {
        nhsNumber: string;
        idempotencyKey: string;
        toOrganisationCode: string;
        service: string;
        reason: string;
        priority?: string | null;
      };
    },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'refer');
    const toCode = requireText(input.toOrganisationCode, 'input.toOrganisationCode', 20);
    const [to] = await context.db.select().from(organisations).where(eq(organisations.code, toCode));
    if (!to) invalid('input.toOrganisationCode', 'is not an organisation of the place.');
    if (to.code === context.caller.organisation.code)
      invalid('input.toOrganisationCode', 'must be another organisation than your own.');
    const service = requireText(input.service, 'input.service', 100);
    const reason = requireText(input.reason, 'input.reason', 2000);
    const priority = requireOneOf(input.priority ?? 'ROUTINE', 'input.priority', priorities);
    const { result, replayed } = await runIdempotentWrite(
      context,
      { operation: 'sendReferral', idempotencyKey: input.idempotencyKey, input, nhsNumber, categories: ['refer'] },
      async (tx, events) => {
        const id = randomUUID();
        const recorded = recordedByCaller(context.caller);
        await tx.insert(referrals).values({
          id,
          nhsNumber,
          fromOrganisationCode: context.caller.organisation.code,
          fromOrganisationName: context.caller.organisation.name,
          referrer: `${recorded.recordedByName}, ${recorded.recordedByRole}`,
          toOrganisationCode: to.code,
          toOrganisationName: to.name,
          toSector: to.sector,
          service,
          reason,
          priority,
          status: 'SENT',
          sentAt: recorded.recordedAt,
          ...recorded,
        });
        await tx
          .insert(referralStatusChanges)
          .values({ id: randomUUID(), referralId: id, nhsNumber, status: 'SENT', reason: null, ...recorded });
        events.record({ type: 'referral-sent', recordId: id, occurredAt: recorded.recordedAt });
        return { referralId: id };
      },
    );
    // The sender reads back what it sent: its own referral.
    context.audit.record(nhsNumber, 'own-referrals');
    return { referral: await referralById(context, result['referralId']!), replayed };
  },

  respondToReferral: async (
    _: unknown,
    { input }: { input: { referralId: string; idempotencyKey: string; status: string; reason?: string | null } },
    context: Context,
  ) => {
    const id = requireText(input.referralId, 'input.referralId', 100);
    const status = requireOneOf(input.status, 'input.status', answers);
    const reason = optionalText(input.reason, 'input.reason', 2000);
    if (status === 'DECLINED' && !reason) invalid('input.reason', 'must say why the referral is declined.');
    const referral = await referralById(context, id);
    // The same answer for a referral that does not exist and one sent elsewhere: nothing leaks.
    if (!referral || referral.toOrganisationCode !== context.caller.organisation.code) {
      throw createError('NOT_FOUND', 'No referral with that id was sent to your organisation.', {
        argumentName: 'input.referralId',
      });
    }
    await context.access.require(referral.nhsNumber, 'referral-response');
    const { replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'respondToReferral',
        idempotencyKey: input.idempotencyKey,
        input,
        nhsNumber: referral.nhsNumber,
        categories: ['referral-response'],
      },
      async (tx, events) => {
        const recorded = recordedByCaller(context.caller);
        // The status check and the change are one UPDATE, so two people answering at once cannot both succeed.
        const moved = await tx
          .update(referrals)
          .set({ status, answeredAt: sql`coalesce(${referrals.answeredAt}, ${recorded.recordedAt}::timestamptz)` })
          .where(and(eq(referrals.id, id), inArray(referrals.status, allowedFrom[status])))
          .returning({ id: referrals.id });
        if (moved.length === 0) {
          const [current] = await tx.select({ status: referrals.status }).from(referrals).where(eq(referrals.id, id));
          throw createError(
            'CONFLICT',
            `The referral is ${current?.status ?? 'gone'}; it can be ` +
              `${status.toLowerCase()} only when ` +
              `${allowedFrom[status].join(' or ')}.`,
            {
              argumentName: 'input.status',
              current: current?.status ?? null,
            },
          );
        }
        await tx
          .insert(referralStatusChanges)
          .values({ id: randomUUID(), referralId: id, nhsNumber: referral.nhsNumber, status, reason, ...recorded });
        // The referrer and the rest of the team hear the answer as they heard the referral sent.
        events.record({ type: `referral-${status.toLowerCase()}`, recordId: id, occurredAt: recorded.recordedAt });
        return { referralId: id };
      },
    );
    context.audit.record(referral.nhsNumber, 'own-referrals');
    return { referral: await referralById(context, id), replayed };
  },
};
