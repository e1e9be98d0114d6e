import { addDays, careTeamMember, type Database, recordedBy, type SeedProgress } from '@joined-up/kit';
import {
  createRandom,
  generatePerson,
  namedGpByPractice,
  organisations as demoOrganisations,
  type PopulationPerson,
  type Random,
  seedFrom,
  seedInBatches,
  recorderOf,
  type VoluntarySectorInvolvement,
  voluntarySectorInvolvementOf,
  workers as storyWorkers,
} from '@joined-up/population';
import { sql } from 'drizzle-orm';
import { referralRoutes, type ReferralRoute } from './referralRoutes.ts';
import { samsVoluntarySectorRecord } from './seedSamsStory.ts';
import {
  clients,
  engagements,
  organisations,
  referralStatusChanges,
  referrals,
  services,
  volunteers,
  whatMattersConversations,
  workers as workersTable,
  type VoluntarySectorTables,
} from './tables.ts';
import { delegations, careTeam, sharingDecisions } from '@joined-up/kit';
import { voluntaryDirectory } from './voluntaryDirectory.ts';

// Health seeds a named GP for each practice (health/src/seed.ts); a referral names the person's own.
const gpByPractice: Record<string, string> = Object.fromEntries(
  Object.entries(namedGpByPractice).map(([code, gp]) => [code, gp.name]),
);
const declineReasons = [
  'Declined by the person: not the right time for them.',
  'Needs are better met by the community mental health team; referrer told.',
  'Declined by the person after a first telephone call.',
];
// What the person agreed, in the words recorded with them and as the categories it opens to the referrer.
const sharingChoices = [
  {
    agreedToShare: ['Referral and what matters to them, with their GP practice'],
    sharedWithReferrer: ['what-matters'],
  },
  {
    agreedToShare: [
      'Referral and what matters to them, with their GP practice',
      'Which groups they go to, with their care coordinator',
    ],
    sharedWithReferrer: ['what-matters'],
  },
  { agreedToShare: ['Nothing beyond the referral itself'], sharedWithReferrer: [] },
];
const attendedNotes = [
  null,
  'Joined in well.',
  'Quiet today but stayed to the end.',
  'Brought a friend along.',
  'Asked about coming more often.',
];
// A session after which the worker raised a safeguarding concern: withheld from all but the worker who holds the
// support.
const safeguardingShare = 0.15;
const safeguardingNote =
  'Stayed behind to talk with their worker, who raised a ' +
  'safeguarding concern with the council; the designated ' +
  'safeguarding lead holds the detail.';

/**
 * Writes the voluntary sector's slice of the demo population: the charities, their services and
 * volunteers, then a referral for everyone known to the voluntary sector, with what matters to
 * them and their engagements once accepted (a few carrying a safeguarding concern), and some
 * clients known only locally; the care coordinator on the team of everyone also known to social
 * care. Which charity and worker take each referral, and whether it is accepted, comes from the
 * population, so the partnership's care teams name the same link workers. Sam and his mother are
 * written in full from the story, with Sam's delegation to his mother and his decision not to
 * share with social care. Safe to run again: rows are keyed and conflicts skipped.
 */
export async function seed(
  db: Database<VoluntarySectorTables>,
  options: { people: number; onProgress?: SeedProgress },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values(voluntaryDirectory.organisations).onConflictDoNothing();
    await tx.insert(services).values(voluntaryDirectory.services).onConflictDoNothing();
    await tx.insert(volunteers).values(voluntaryDirectory.volunteers).onConflictDoNothing();
    // Workers are the charities' own directory, not demo history: a later seed brings their
    // details (contact details, say) up to date.
    await tx
      .insert(workersTable)
      .values(voluntaryDirectory.workers)
      .onConflictDoUpdate({
        target: workersTable.id,
        set: {
          name: sql`excluded.name`,
          jobTitle: sql`excluded.job_title`,
          organisationCode: sql`excluded.organisation_code`,
          email: sql`excluded.email`,
          phone: sql`excluded.phone`,
        },
      });
  });
  await seedInBatches(
    { people: options.people, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    async (batch) => {
      const rows = voluntarySectorRowsFor(batch);
      await db.transaction(async (tx) => {
        if (rows.referrals.length) await tx.insert(referrals).values(rows.referrals).onConflictDoNothing();
        if (rows.referralStatusChanges.length)
          await tx.insert(referralStatusChanges).values(rows.referralStatusChanges).onConflictDoNothing();
        if (rows.whatMattersConversations.length)
          await tx.insert(whatMattersConversations).values(rows.whatMattersConversations).onConflictDoNothing();
        if (rows.engagements.length) await tx.insert(engagements).values(rows.engagements).onConflictDoNothing();
        if (rows.clients.length) await tx.insert(clients).values(rows.clients).onConflictDoNothing();
        if (rows.careTeam.length) await tx.insert(careTeam).values(rows.careTeam).onConflictDoNothing();
        if (rows.delegations.length) await tx.insert(delegations).values(rows.delegations).onConflictDoNothing();
        if (rows.sharingDecisions.length)
          await tx.insert(sharingDecisions).values(rows.sharingDecisions).onConflictDoNothing();
      });
    },
  );
}

type Rows = {
  referrals: Array<typeof referrals.$inferInsert>;
  referralStatusChanges: Array<typeof referralStatusChanges.$inferInsert>;
  whatMattersConversations: Array<typeof whatMattersConversations.$inferInsert>;
  engagements: Array<typeof engagements.$inferInsert>;
  clients: Array<typeof clients.$inferInsert>;
  careTeam: Array<typeof careTeam.$inferInsert>;
  delegations: Array<typeof delegations.$inferInsert>;
  sharingDecisions: Array<typeof sharingDecisions.$inferInsert>;
};

/** The voluntary sector's rows for a batch of people. */
export function voluntarySectorRowsFor(batch: PopulationPerson[]): Rows {
  const rows: Rows = {
    referrals: [],
    referralStatusChanges: [],
    whatMattersConversations: [],
    engagements: [],
    clients: [],
    careTeam: [],
    delegations: [],
    sharingDecisions: [],
  };
  for (const person of batch) {
    const referral = voluntarySectorInvolvementOf(person);
    if (person.index <= 1) addStoryRows(rows, person);
    else if (referral)
      addGeneratedRows(rows, person, referral, createRandom(seedFrom(`voluntary-sector:${person.nhsNumber}`)));
    // The place partnership's coordinator works with everyone known to both the charities and
    // adult social care, so a coordinator's caseload reaches what matters to each of them.
    if (person.knownToVoluntarySector && person.knownToSocialCare) rows.careTeam.push(coordinatorOf(person.nhsNumber));
  }
  return rows;
}

function coordinatorOf(nhsNumber: string): typeof careTeam.$inferInsert {
  return careTeamMember(nhsNumber, storyWorkers.coordinator, '2025-11-20');
}

function addStoryRows(rows: Rows, person: PopulationPerson): void {
  const story = samsVoluntarySectorRecord;
  const referralIds = new Set(story.referrals.filter((row) => row.nhsNumber === person.nhsNumber).map((row) => row.id));
  rows.referrals.push(...story.referrals.filter((row) => referralIds.has(row.id)));
  rows.referralStatusChanges.push(...story.referralStatusChanges.filter((row) => referralIds.has(row.referralId)));
  rows.whatMattersConversations.push(
    ...story.whatMattersConversations.filter((row) => row.nhsNumber === person.nhsNumber),
  );
  rows.engagements.push(...story.engagements.filter((row) => row.nhsNumber === person.nhsNumber));
  // The local clients of the story are written with Sam, so a population of any size has them.
  rows.clients.push(
    ...story.clients.filter(
      (row) => row.nhsNumber === person.nhsNumber || (person.index === 0 && row.nhsNumber === null),
    ),
  );
  rows.careTeam.push(...story.careTeam.filter((row) => row.nhsNumber === person.nhsNumber));
  rows.delegations.push(...story.delegations.filter((row) => row.nhsNumber === person.nhsNumber));
  rows.sharingDecisions.push(...story.sharingDecisions.filter((row) => row.nhsNumber === person.nhsNumber));
}

function addGeneratedRows(
  rows: Rows,
  person: PopulationPerson,
  referral: VoluntarySectorInvolvement,
  random: Random,
): void {
  const route = referralRoutes[referral.organisationCode];
  const worker = recorderOf(referral.linkWorker);
  const workerName = `${worker.name}, ${worker.jobTitle}`;
  const referralId = `${person.nhsNumber}-referral-0`;
  const referredOn = addDays('2025-01-06', random.int(0, 540));
  // A quarter of those taken on have finished; of the rest, half are still waiting and half were declined.
  const outcome = random.next();
  const status = referral.accepted ? (outcome < 0.25 ? 'COMPLETED' : 'ACCEPTED') : outcome < 0.5 ? 'SENT' : 'DECLINED';
  const acceptedOn =
    status === 'ACCEPTED' || status === 'COMPLETED' ? addDays(referredOn, random.int(2, 7)) : undefined;
  const change = (
    index: number,
    changeStatus: string,
    changedOn: string,
    changedBy: string,
    reason: string | null = null,
  ) =>
    rows.referralStatusChanges.push({
      id: `${referralId}-${index}`,
      referralId,
      status: changeStatus,
      changedOn,
      changedBy,
      reason,
      ...recordedBy(worker, `${changedOn}T10:00:00Z`),
    });

  const practice = Object.values(demoOrganisations).find((organisation) => organisation.code === person.gpPracticeCode);
  const gpName = gpByPractice[person.gpPracticeCode] ?? 'Named GP';
  rows.referrals.push({
    id: referralId,
    nhsNumber: person.nhsNumber,
    referredOn,
    referrerName: gpName,
    referrerRole: 'GP',
    referrerOrganisationName: practice?.name ?? person.gpPracticeCode,
    referrerOrganisationCode: person.gpPracticeCode,
    referredToCode: referral.organisationCode,
    reason: random.pick(route.reasons),
    status,
    linkWorkerId: acceptedOn ? worker.id : null,
    ...random.pick(sharingChoices),
    ...recordedBy(worker, `${referredOn}T10:00:00Z`),
  });
  change(0, 'SENT', referredOn, `${gpName}, GP`);
  if (status === 'DECLINED')
    change(1, 'DECLINED', addDays(referredOn, random.int(2, 10)), workerName, random.pick(declineReasons));
  if (acceptedOn) {
    change(1, 'ACCEPTED', acceptedOn, workerName);
    if (status === 'COMPLETED') change(2, 'COMPLETED', addDays(acceptedOn, random.int(60, 120)), workerName);
    addSupportRows(rows, person, random, route, worker, acceptedOn);
  }
  if (random.chance(0.1)) {
    // Someone who came to the charity directly and is known only by name: a local client.
    const local = generatePerson(person.index, '', createRandom(seedFrom(`voluntary-sector-local:${person.index}`)));
    const since = addDays(referredOn, random.int(0, 60));
    rows.clients.push({
      id: `local-${person.index}`,
      workerId: worker.id,
      givenName: local.givenName,
      familyName: local.familyName,
      nhsNumber: null,
      linkedWithAgreementOn: null,
      since,
      ...recordedBy(worker, `${since}T11:00:00Z`),
    });
  }
}

/** A linked client record, perhaps a "what matters" conversation, and a few sessions. */
function addSupportRows(
  rows: Rows,
  person: PopulationPerson,
  random: Random,
  route: ReferralRoute,
  worker: ReturnType<typeof recorderOf>,
  acceptedOn: string,
): void {
  rows.clients.push({
    id: `${person.nhsNumber}-client`,
    workerId: worker.id,
    givenName: person.givenName,
    familyName: person.familyName,
    nhsNumber: person.nhsNumber,
    linkedWithAgreementOn: acceptedOn,
    since: acceptedOn,
    ...recordedBy(worker, `${acceptedOn}T10:00:00Z`),
  });
  if (random.chance(0.6)) {
    const heldOn = addDays(acceptedOn, random.int(5, 20));
    const whatMatters = [...new Set([random.pick(route.whatMatters), random.pick(route.whatMatters)])];
    rows.whatMattersConversations.push({
      id: `${person.nhsNumber}-what-matters-0`,
      nhsNumber: person.nhsNumber,
      heldOn,
      heldById: worker.id,
      whatMatters,
      goals: [random.pick(route.goals)],
      ...recordedBy(worker, `${heldOn}T15:00:00Z`),
    });
  }
  const serviceId = random.pick(route.serviceIds);
  const service = voluntaryDirectory.services.find((candidate) => candidate.id === serviceId)!;
  const sessions = random.int(1, 4);
  // Drawn apart from the person's other numbers, so adding it left the rest of the seed as it was.
  const concernAt = createRandom(seedFrom(`voluntary-sector-safeguarding:${person.nhsNumber}`)).chance(
    safeguardingShare,
  )
    ? sessions - 1
    : -1;
  for (let i = 0; i < sessions; i += 1) {
    const occurredOn = addDays(acceptedOn, 7 * (i + 1));
    const attended = random.chance(0.85);
    const notes = attended ? random.pick(attendedNotes) : 'Did not come; their worker will check in.';
    const concern = i === concernAt ? { attended: true, notes: safeguardingNote, sensitivity: 'safeguarding' } : {};
    rows.engagements.push({
      id: `${person.nhsNumber}-engagement-${i}`,
      nhsNumber: person.nhsNumber,
      occurredOn,
      serviceId: service.id,
      activity: service.name,
      attended,
      notes,
      ...concern,
      ...recordedBy(worker, `${occurredOn}T17:00:00Z`),
    });
  }
}
