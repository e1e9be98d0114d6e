import { addDays, type Database, recordedBy, type SeedProgress } from '@joined-up/kit';
import {
  type CaringLink,
  createInvolvementState,
  createRandom,
  involvementOf,
  type InvolvementState,
  namedGpByPractice,
  organisationName,
  organisations as demoOrganisations,
  type PopulationPerson,
  recorderOf,
  seedFrom,
  seedInBatches,
  workers as storyWorkers,
} from '@joined-up/population';
import { experienceAnswers, experienceStatements } from './experienceStatements.ts';
import { samsCoordinationRecord } from './seedSamsStory.ts';
import {
  carePlanActions,
  carePlanChanges,
  carePlanGoals,
  carePlanReviews,
  carePlans,
  careTeamMembers,
  experienceResponses,
  organisations,
  referralStatusChanges,
  referrals,
  skillNeeds,
  workers,
  type CareCoordinationTables,
} from './tables.ts';
import { delegations } from '@joined-up/kit';

const coordinator = storyWorkers.coordinator;
/**
 * The place's directory for referrals: every demo organisation, and the acute hospital, whose
 * discharge team refers into social care and community health but which runs no subgraph yet.
 */
export const placeDirectory = [
  ...Object.values(demoOrganisations).map(({ code, name, sector }) => ({ code, name, sector })),
  { code: 'DEMOH1', name: 'Riverside General Hospital', sector: 'health' },
];
const rachel = recorderOf(coordinator);

type Rows = {
  careTeamMembers: Array<typeof careTeamMembers.$inferInsert>;
  carePlans: Array<typeof carePlans.$inferInsert>;
  carePlanChanges: Array<typeof carePlanChanges.$inferInsert>;
  referrals: Array<typeof referrals.$inferInsert>;
  referralStatusChanges: Array<typeof referralStatusChanges.$inferInsert>;
  experienceResponses: Array<typeof experienceResponses.$inferInsert>;
};
const rowTables = {
  careTeamMembers,
  carePlans,
  carePlanChanges,
  referrals,
  referralStatusChanges,
  experienceResponses,
} as const;

/**
 * Writes the partnership's slice of the demo population. The directory of organisations and the
 * partnership's own workers first; then, for each person, the care team as the population says
 * who is involved (their named GP, allocated social worker, assigned care workers, the link worker
 * of a charity that took them on, unpaid carers, and the coordinator for everyone known to adult
 * social care): the facts the other agencies' seeds write too, so the team shown here names the
 * same people the agencies resolve. Then, for some of those involved with two or more agencies, a
 * named coordinator, a plan (a few overdue for review), the GP's referral to the council with its
 * wait, and answers to the experience statements. Sam's record is written in full from the story.
 * Safe to run again: rows are keyed and conflicts skipped.
 */
export async function seed(
  db: Database<CareCoordinationTables>,
  options: { people: number; onProgress?: SeedProgress },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values(placeDirectory).onConflictDoNothing();
    const { id, name, jobTitle, organisationCode, email, phone } = coordinator;
    await tx
      .insert(workers)
      .values({
        id,
        name,
        jobTitle,
        organisationCode,
        organisationName: organisationName(organisationCode),
        email,
        phone,
      })
      .onConflictDoNothing();
  });
  const state = createInvolvementState(options.people);
  await seedInBatches(
    { people: options.people, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    async (batch) => {
      const rows = coordinationRowsFor(batch, state);
      await db.transaction(async (tx) => {
        for (const name of Object.keys(rowTables) as Array<keyof Rows>) {
          if (rows[name].length)
            await tx
              .insert(rowTables[name])
              .values(rows[name] as never)
              .onConflictDoNothing();
        }
        if (batch.some((person) => person.index === 0))
          await writeSamsStory(tx as unknown as Database<CareCoordinationTables>);
      });
    },
  );
}

async function writeSamsStory(db: Database<CareCoordinationTables>): Promise<void> {
  const story = samsCoordinationRecord;
  await db.insert(careTeamMembers).values(story.careTeam).onConflictDoNothing();
  await db.insert(carePlans).values(story.plan).onConflictDoNothing();
  await db.insert(carePlanGoals).values(story.goals).onConflictDoNothing();
  await db.insert(carePlanActions).values(story.actions).onConflictDoNothing();
  await db.insert(carePlanReviews).values(story.reviews).onConflictDoNothing();
  await db.insert(carePlanChanges).values(story.changes).onConflictDoNothing();
  await db.insert(skillNeeds).values(story.skillNeeds).onConflictDoNothing();
  await db.insert(referrals).values(story.referrals).onConflictDoNothing();
  await db.insert(referralStatusChanges).values(story.referralStatusChanges).onConflictDoNothing();
  await db.insert(experienceResponses).values(story.experience).onConflictDoNothing();
  await db.insert(delegations).values(story.delegations).onConflictDoNothing();
}

/**
 * The partnership's rows for a batch of people; batches come in population order, through one
 * state. Sam and his mother come from the story.
 */
export function coordinationRowsFor(batch: PopulationPerson[], state: InvolvementState): Rows {
  const rows: Rows = {
    careTeamMembers: [],
    carePlans: [],
    carePlanChanges: [],
    referrals: [],
    referralStatusChanges: [],
    experienceResponses: [],
  };
  for (const person of batch) {
    const involvement = involvementOf(person, state);
    if (!involvement) continue;
    const random = createRandom(seedFrom(`care-coordination:${person.nhsNumber}`));
    const since = addDays('2025-01-06', random.int(0, 500));
    const team: Array<typeof careTeamMembers.$inferInsert> = [];
    const add = (kind: string, workerId: string, sector: string, organisationCode: string, role: string) =>
      team.push({
        id: `${person.nhsNumber}-team-${team.length}`,
        nhsNumber: person.nhsNumber,
        kind,
        workerId,
        sector,
        memberOrganisationCode: organisationCode,
        memberOrganisationName: organisationName(organisationCode),
        role,
        isCoordinator: false,
        since,
        ...recordedBy(rachel, `${since}T10:00:00Z`),
      });
    const gp = namedGpByPractice[person.gpPracticeCode as keyof typeof namedGpByPractice];
    if (gp) add('CLINICIAN', gp.id, 'health', gp.organisationCode, 'Named GP');
    const { socialCare, voluntarySector, caresFor } = involvement;
    if (socialCare) {
      const { socialWorker } = socialCare;
      add(
        'SOCIAL_CARE_WORKER',
        socialWorker.id,
        'social-care',
        socialWorker.organisationCode,
        'Allocated social worker',
      );
      for (const { worker, role } of socialCare.careWorkers)
        add('SOCIAL_CARE_WORKER', worker.id, 'social-care', worker.organisationCode, role);
    }
    // The charity's worker joins the team once the charity has taken the person on.
    if (voluntarySector?.accepted)
      add(
        'VOLUNTARY_SECTOR_WORKER',
        voluntarySector.linkWorker.id,
        'voluntary-sector',
        voluntarySector.organisationCode,
        'Link worker',
      );
    const agencies = new Set(team.map((member) => member.memberOrganisationCode)).size;
    // The coordinator works with everyone known to adult social care, as every agency's care team records.
    if (person.knownToSocialCare) {
      add('PARTNERSHIP_WORKER', coordinator.id, 'care-coordination', coordinator.organisationCode, 'Care coordinator');
      if (agencies >= 2 && random.chance(0.7)) team.at(-1)!.isCoordinator = true;
    }
    rows.careTeamMembers.push(...team);
    if (caresFor) rows.careTeamMembers.push(unpaidCarerOf(person, caresFor));
    if (person.knownToSocialCare) addReferralToCouncil(rows, person, random, since);
    if (agencies >= 2 && random.chance(0.55))
      addPlan(
        rows,
        person,
        random,
        since,
        team.some((member) => member.isCoordinator),
      );
  }
  return rows;
}

/** An unpaid carer on the team of the person they care for, who is earlier in the population. */
function unpaidCarerOf(carer: PopulationPerson, link: CaringLink): typeof careTeamMembers.$inferInsert {
  return {
    id: `${link.caredForNhsNumber}-carer-${carer.nhsNumber}`,
    nhsNumber: link.caredForNhsNumber,
    kind: 'UNPAID_CARER',
    workerId: null,
    sector: null,
    memberOrganisationCode: null,
    memberOrganisationName: null,
    carerNhsNumber: carer.nhsNumber,
    carerName: `${carer.givenName} ${carer.familyName}`,
    carerRelationship: link.relationship,
    carerContact: null,
    role: 'Unpaid carer',
    isCoordinator: false,
    since: link.since,
    ...recordedBy(rachel, `${link.since}T12:00:00Z`),
  };
}

/** The GP's referral that brought adult social care in, answered after a wait (a few still waiting). */
function addReferralToCouncil(
  rows: Rows,
  person: PopulationPerson,
  random: ReturnType<typeof createRandom>,
  since: string,
): void {
  const gp = namedGpByPractice[person.gpPracticeCode as keyof typeof namedGpByPractice] ?? storyWorkers.gp;
  const referralId = `${person.nhsNumber}-referral-council`;
  const sentAt = `${addDays(since, -random.int(5, 40))}T09:${String(random.int(10, 59))}:00Z`;
  const waiting = random.chance(0.08);
  const answeredAt = waiting
    ? null
    : new Date(Date.parse(sentAt) + random.int(1, 35) * 86_400_000 + random.int(1, 8) * 3_600_000).toISOString();
  const sent = recordedBy(recorderOf(gp), sentAt);
  rows.referrals.push({
    id: referralId,
    nhsNumber: person.nhsNumber,
    fromOrganisationCode: gp.organisationCode,
    fromOrganisationName: organisationName(gp.organisationCode),
    referrer: `${gp.name}, GP`,
    toOrganisationCode: 'DEMOLA1',
    toOrganisationName: organisationName('DEMOLA1'),
    toSector: 'social-care',
    service: 'Adult social care: Care Act assessment',
    reason: 'Struggling to manage at home; asks for an assessment of care and support needs.',
    priority: random.chance(0.2) ? 'URGENT' : 'ROUTINE',
    status: waiting ? 'SENT' : 'ACCEPTED',
    sentAt,
    answeredAt,
    ...sent,
  });
  rows.referralStatusChanges.push({
    id: `${referralId}-0`,
    referralId,
    nhsNumber: person.nhsNumber,
    status: 'SENT',
    reason: null,
    ...sent,
  });
  if (answeredAt) {
    rows.referralStatusChanges.push({
      id: `${referralId}-1`,
      referralId,
      nhsNumber: person.nhsNumber,
      status: 'ACCEPTED',
      reason: null,
      ...recordedBy(recorderOf(storyWorkers.socialWorker), answeredAt),
    });
  }
}

/**
 * A plan started by the coordinator (some now overdue for review), and a few people's answers about their experience.
 */
function addPlan(
  rows: Rows,
  person: PopulationPerson,
  random: ReturnType<typeof createRandom>,
  since: string,
  hasCoordinator: boolean,
): void {
  const planId = `${person.nhsNumber}-plan`;
  const startedAt = `${addDays(since, random.int(7, 60))}T14:00:00Z`;
  rows.carePlans.push({
    id: planId,
    nhsNumber: person.nhsNumber,
    version: 1,
    status: 'DRAFT',
    nextReviewDue: addDays('2026-06-01', random.int(0, 300)),
    ...recordedBy(rachel, startedAt),
  });
  rows.carePlanChanges.push({
    id: `${planId}-change-1`,
    planId,
    nhsNumber: person.nhsNumber,
    version: 1,
    summary: `Plan started by ${rachel.name}, ${rachel.jobTitle}`,
    ...recordedBy(rachel, startedAt),
  });
  if (!random.chance(0.4)) return;
  const answeredOn = addDays(startedAt.slice(0, 10), random.int(30, 200));
  // People with a named coordinator tend to agree more: the measure should be able to show it.
  const lean = hasCoordinator ? 0 : 2;
  for (const statement of experienceStatements) {
    if (!random.chance(0.7)) continue;
    const answer =
      experienceAnswers[Math.min(experienceAnswers.length - 1, random.int(0, 2) + (random.chance(0.5) ? lean : 0))]!;
    rows.experienceResponses.push({
      id: `${person.nhsNumber}-experience-${statement.code}`,
      nhsNumber: person.nhsNumber,
      statementCode: statement.code,
      answer,
      comment: null,
      answeredOn,
      ...recordedBy(rachel, `${answeredOn}T15:00:00Z`),
    });
  }
}
