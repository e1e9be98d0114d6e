import { randomUUID } from 'node:crypto';
import { createError, isValidNhsNumber, requireNhsNumber } from '@joined-up/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { teamWorker } from './teamWorker.ts';
import { invalid, optionalText, recordedByCaller, requireOneOf, requireText, today } from './inputRules.ts';
import { isUniqueViolation } from '@joined-up/kit';
import { type Context } from './context.ts';
import { runIdempotentWrite } from '@joined-up/kit';
import { carePlanActions, careTeamMembers, skillNeeds, workers } from './tables.ts';

const memberKinds = [
  'CLINICIAN',
  'SOCIAL_CARE_WORKER',
  'VOLUNTARY_SECTOR_WORKER',
  'PARTNERSHIP_WORKER',
  'UNPAID_CARER',
] as const;
/** The sector each kind of worker belongs to, and so which agency resolves them. */
const sectorOf: Record<(typeof memberKinds)[number], string | null> = {
  CLINICIAN: 'health',
  SOCIAL_CARE_WORKER: 'social-care',
  VOLUNTARY_SECTOR_WORKER: 'voluntary-sector',
  PARTNERSHIP_WORKER: 'care-coordination',
  UNPAID_CARER: null,
};

type AddMemberInput = {
  nhsNumber: string;
  idempotencyKey: string;
  kind: string;
  workerId?: string | null;
  organisationCode?: string | null;
  organisationName?: string | null;
  carerNhsNumber?: string | null;
  carerName?: string | null;
  carerRelationship?: string | null;
  carerContact?: string | null;
  role: string;
};

async function memberById(context: Context, id: string) {
  const [member] = await context.db.select().from(careTeamMembers).where(eq(careTeamMembers.id, id));
  if (!member) throw createError('NOT_FOUND', 'That care team member is no longer on the team.');
  return member;
}

/** The member columns an input describes, validated; a worker is a reference to their own agency. */
async function memberColumns(context: Context, input: AddMemberInput) {
  const kind = requireOneOf(input.kind, 'input.kind', memberKinds);
  const role = requireText(input.role, 'input.role', 100);
  if (kind === 'UNPAID_CARER') {
    if (input.workerId) invalid('input.workerId', 'must be omitted for an unpaid carer.');
    const carerNhsNumber = input.carerNhsNumber ? requireNhsNumber(input.carerNhsNumber, 'input.carerNhsNumber') : null;
    if (carerNhsNumber !== null && !isValidNhsNumber(carerNhsNumber))
      invalid('input.carerNhsNumber', 'is not a valid NHS number.');
    return {
      kind,
      role,
      workerId: null,
      sector: null,
      memberOrganisationCode: null,
      memberOrganisationName: null,
      carerNhsNumber,
      carerName: requireText(input.carerName, 'input.carerName', 100),
      carerRelationship: requireText(input.carerRelationship, 'input.carerRelationship', 100),
      carerContact: optionalText(input.carerContact, 'input.carerContact', 300),
    };
  }
  const workerId = requireText(input.workerId, 'input.workerId', 100);
  if (kind === 'PARTNERSHIP_WORKER') {
    // The partnership's own workers are known here, so the reference is checked.
    const [worker] = await context.db.select().from(workers).where(eq(workers.id, workerId));
    if (!worker) invalid('input.workerId', 'is not a worker of the place partnership.');
    return {
      kind,
      role,
      workerId,
      sector: 'care-coordination',
      memberOrganisationCode: worker.organisationCode,
      memberOrganisationName: worker.organisationName,
      carerNhsNumber: null,
      carerName: null,
      carerRelationship: null,
      carerContact: null,
    };
  }
  // Another agency's worker: that agency answers for them when the team is read (an unknown id
  // resolves to null there); the organisation is recorded for access decisions and action owners.
  return {
    kind,
    role,
    workerId,
    sector: sectorOf[kind],
    memberOrganisationCode: requireText(input.organisationCode, 'input.organisationCode', 20),
    memberOrganisationName: requireText(input.organisationName, 'input.organisationName', 200),
    carerNhsNumber: null,
    carerName: null,
    carerRelationship: null,
    carerContact: null,
  };
}

export const careTeamMutations = {
  addCareTeamMember: async (_: unknown, { input }: { input: AddMemberInput }, context: Context) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'care-team-changes');
    await context.access.require(nhsNumber, 'care-team');
    const columns = await memberColumns(context, input);
    let outcome;
    try {
      outcome = await runIdempotentWrite(
        context,
        {
          operation: 'addCareTeamMember',
          idempotencyKey: input.idempotencyKey,
          input,
          nhsNumber,
          categories: ['care-team-changes'],
        },
        async (tx) => {
          const id = randomUUID();
          await tx.insert(careTeamMembers).values({
            id,
            nhsNumber,
            ...columns,
            isCoordinator: false,
            since: today(),
            ...recordedByCaller(context.caller),
          });
          return { memberId: id };
        },
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const [existing] = await context.db
        .select({ id: careTeamMembers.id })
        .from(careTeamMembers)
        .where(
          and(
            eq(careTeamMembers.nhsNumber, nhsNumber),
            eq(careTeamMembers.kind, columns.kind),
            eq(careTeamMembers.workerId, columns.workerId ?? ''),
          ),
        );
      throw createError('CONFLICT', 'That worker is already on this care team.', {
        argumentName: 'input.workerId',
        current: existing?.id,
      });
    }
    context.audit.record(nhsNumber, 'care-team');
    return { member: await memberById(context, outcome.result['memberId']!), replayed: outcome.replayed };
  },

  setCareCoordinator: async (
    _: unknown,
    {
      input,
    }: { input: { nhsNumber: string; idempotencyKey: string; memberId: string; replacingMemberId?: string | null } },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'care-team-changes');
    await context.access.require(nhsNumber, 'care-team');
    const member = await teamWorker(context, nhsNumber, input.memberId, 'input.memberId');
    const replacing = input.replacingMemberId
      ? requireText(input.replacingMemberId, 'input.replacingMemberId', 100)
      : null;
    // Read through the transaction when inside one: PGlite has one connection, so the outer handle would wait on it.
    const conflict = async (reader: Pick<Context['db'], 'select'> = context.db) => {
      const [current] = await reader
        .select({ id: careTeamMembers.id })
        .from(careTeamMembers)
        .where(and(eq(careTeamMembers.nhsNumber, nhsNumber), eq(careTeamMembers.isCoordinator, true)));
      return createError(
        'CONFLICT',
        'The care coordinator was changed by someone else since you looked. Read the team again and redo your change.',
        {
          argumentName: 'input.replacingMemberId',
          current: current?.id ?? null,
        },
      );
    };
    let outcome;
    try {
      outcome = await runIdempotentWrite(
        context,
        {
          operation: 'setCareCoordinator',
          idempotencyKey: input.idempotencyKey,
          input,
          nhsNumber,
          categories: ['care-team-changes'],
        },
        async (tx) => {
          // Stepping down the coordinator the caller saw is the check: if someone else already
          // changed it, no row matches. With no coordinator seen, the unique index on the one
          // coordinator per person refuses a concurrent second naming.
          if (replacing && replacing !== member.id) {
            const stepped = await tx
              .update(careTeamMembers)
              .set({ isCoordinator: false })
              .where(
                and(
                  eq(careTeamMembers.id, replacing),
                  eq(careTeamMembers.nhsNumber, nhsNumber),
                  eq(careTeamMembers.isCoordinator, true),
                ),
              )
              .returning({ id: careTeamMembers.id });
            if (stepped.length === 0) throw await conflict(tx);
          } else if (!replacing) {
            const [current] = await tx
              .select({ id: careTeamMembers.id })
              .from(careTeamMembers)
              .where(and(eq(careTeamMembers.nhsNumber, nhsNumber), eq(careTeamMembers.isCoordinator, true)));
            if (current && current.id !== member.id) throw await conflict(tx);
          }
          // The member may have been removed since they were read: naming nobody is a conflict, not a success.
          const named = await tx
            .update(careTeamMembers)
            .set({ isCoordinator: true })
            .where(and(eq(careTeamMembers.id, member.id), eq(careTeamMembers.nhsNumber, nhsNumber)))
            .returning({ id: careTeamMembers.id });
          if (named.length === 0) throw await conflict(tx);
          return { memberId: member.id };
        },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw await conflict();
      throw error;
    }
    context.audit.record(nhsNumber, 'care-team');
    return { member: await memberById(context, outcome.result['memberId']!), replayed: outcome.replayed };
  },

  removeCareTeamMember: async (
    _: unknown,
    { input }: { input: { nhsNumber: string; idempotencyKey: string; memberId: string } },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'care-team-changes');
    await context.access.require(nhsNumber, 'care-team');
    const memberId = requireText(input.memberId, 'input.memberId', 100);
    const outcome = await runIdempotentWrite(
      context,
      {
        operation: 'removeCareTeamMember',
        idempotencyKey: input.idempotencyKey,
        input,
        nhsNumber,
        categories: ['care-team-changes'],
      },
      async (tx) => {
        // The member's row is locked for the rest of the transaction: a concurrent naming of them as
        // coordinator, an action given to them, or a second removal waits, and then sees this one.
        const [member] = await tx
          .select()
          .from(careTeamMembers)
          .where(and(eq(careTeamMembers.id, memberId), eq(careTeamMembers.nhsNumber, nhsNumber)))
          .for('update');
        if (!member)
          throw createError(
            'CONFLICT',
            'That member is not on the care team now: someone else may have removed them. Read the team again.',
            { argumentName: 'input.memberId' },
          );
        if (member.isCoordinator)
          invalid('input.memberId', 'is the named care coordinator: name another coordinator first.');
        const open = await tx
          .select({ id: carePlanActions.id })
          .from(carePlanActions)
          .where(
            and(
              eq(carePlanActions.ownerMemberId, memberId),
              inArray(carePlanActions.status, ['NOT_STARTED', 'IN_PROGRESS']),
            ),
          );
        if (open.length > 0)
          invalid(
            'input.memberId',
            `owns ${open.length} open action${open.length === 1 ? '' : 's'} in the plan: ` +
              'mark them done or cancelled first, so no action is left without an owner.',
          );
        const removed = await tx
          .delete(careTeamMembers)
          .where(and(eq(careTeamMembers.id, memberId), eq(careTeamMembers.isCoordinator, false)))
          .returning({ id: careTeamMembers.id });
        if (removed.length === 0)
          throw createError('CONFLICT', 'The care team changed while this member was being removed. Read it again.', {
            argumentName: 'input.memberId',
          });
        return { memberId };
      },
    );
    context.audit.record(nhsNumber, 'care-team');
    return { removedMemberId: outcome.result['memberId'], replayed: outcome.replayed };
  },

  addSkillNeed: async (
    _: unknown,
    { input }: { input: { nhsNumber: string; idempotencyKey: string; skill: string; because: string } },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'plan-contribution');
    const skill = requireText(input.skill, 'input.skill', 100);
    const because = requireText(input.because, 'input.because', 500);
    try {
      const outcome = await runIdempotentWrite(
        context,
        {
          operation: 'addSkillNeed',
          idempotencyKey: input.idempotencyKey,
          input,
          nhsNumber,
          categories: ['plan-contribution'],
        },
        async (tx) => {
          const id = randomUUID();
          await tx.insert(skillNeeds).values({ id, nhsNumber, skill, because, ...recordedByCaller(context.caller) });
          return { skillNeedId: id };
        },
      );
      return { skillNeedId: outcome.result['skillNeedId'], replayed: outcome.replayed };
    } catch (error) {
      if (isUniqueViolation(error))
        throw createError('CONFLICT', `"${skill}" is already recorded as a need for this person.`, {
          argumentName: 'input.skill',
        });
      throw error;
    }
  },
};
