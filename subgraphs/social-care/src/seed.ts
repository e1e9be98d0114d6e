import { careTeamMember, type Database, type SeedProgress } from '@joined-up/kit';
import {
  careWorkersByProvider,
  createInvolvementState,
  organisations as demoOrganisations,
  involvementOf,
  type InvolvementState,
  type PopulationPerson,
  seedInBatches,
  workers as storyWorkers,
} from '@joined-up/population';
import { addCarerRecord } from './addCarerRecord.ts';
import { addClientRecord } from './addClientRecord.ts';
import { samsSocialCareRecord } from './seedSamsStory.ts';
import { emptySocialCareRows, type SocialCareRows } from './socialCareRows.ts';
import { generatedCompetencies, socialCareWorkerRows } from './socialCareWorkers.ts';
import { competencies, organisations, tables, workers, type SocialCareTables } from './tables.ts';

const serviceComponentsOf: Record<string, string[]> = {
  DEMOLA1: ['Day Care'],
  DEMOSL1: ['Supported Living'],
  DEMOSL2: ['Home Support'],
};

/**
 * Writes social care's slice of the demo population: everyone known to social care has a
 * request, assessment, service, plan, review and social worker; unpaid carers are linked to the
 * person they care for; Sam and his mother are written in full from the story. Who is involved
 * with whom (social workers, providers, care workers, carers) comes from the population, so the
 * other agencies' demo data names the same people. Safe to run again: rows are keyed and
 * conflicts skipped.
 */
export async function seed(
  db: Database<SocialCareTables>,
  options: { people: number; onProgress?: SeedProgress },
): Promise<void> {
  const socialCareOrganisations = Object.values(demoOrganisations).filter(
    (organisation) => organisation.sector === 'social-care',
  );
  await db
    .insert(organisations)
    .values(
      socialCareOrganisations.map((o) => ({
        code: o.code,
        name: o.name,
        kind: o.kind,
        serviceComponents: serviceComponentsOf[o.code] ?? [],
      })),
    )
    .onConflictDoNothing();
  await db.insert(workers).values(socialCareWorkerRows).onConflictDoNothing();
  // Lucy's and Mark's competencies are part of Sam's story; everyone else's are generated.
  const storyIds = new Set(samsSocialCareRecord.competencies.map((row) => row.workerId));
  const generated = [...careWorkersByProvider.DEMOSL1, ...careWorkersByProvider.DEMOSL2]
    .filter((worker) => !storyIds.has(worker.id))
    .flatMap(generatedCompetencies);
  await db
    .insert(competencies)
    .values([...samsSocialCareRecord.competencies, ...generated])
    .onConflictDoNothing();
  const state = createInvolvementState(options.people);
  await seedInBatches(
    { people: options.people, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    async (batch) => {
      const rows = socialCareRowsFor(batch, state);
      await db.transaction(async (tx) => {
        for (const name of Object.keys(rows) as Array<keyof SocialCareRows>) {
          if (rows[name].length)
            await tx
              .insert(tables[name])
              .values(rows[name] as never)
              .onConflictDoNothing();
        }
      });
    },
  );
}

/** Social care's rows for a batch of people; batches come in population order, through one state. */
export function socialCareRowsFor(batch: PopulationPerson[], state: InvolvementState): SocialCareRows {
  const rows = emptySocialCareRows();
  for (const person of batch) {
    const involvement = involvementOf(person, state);
    // The place partnership's coordinator works with everyone known to adult social care.
    if (person.knownToSocialCare) rows.careTeam.push(coordinatorOf(person.nhsNumber));
    if (!involvement) {
      addStoryRecord(rows, person.nhsNumber);
      continue;
    }
    if (involvement.socialCare) addClientRecord(rows, person, involvement.socialCare);
    if (involvement.caresFor) addCarerRecord(rows, person, involvement.caresFor);
  }
  return rows;
}

// The caring link is written with the carer, who comes later in the population than the person cared for.
function addStoryRecord(rows: SocialCareRows, nhsNumber: string): void {
  const story = samsSocialCareRecord;
  const theirs = <T extends { nhsNumber: string }>(list: T[]) => list.filter((row) => row.nhsNumber === nhsNumber);
  rows.requests.push(...theirs(story.requests));
  rows.assessments.push(...theirs(story.assessments));
  rows.services.push(...theirs(story.services));
  rows.plans.push(...theirs(story.plans));
  rows.reviews.push(...theirs(story.reviews));
  rows.allocations.push(...theirs(story.allocations));
  rows.careWorkerAssignments.push(...theirs(story.careWorkerAssignments));
  rows.careTeam.push(...theirs(story.careTeam));
  rows.delegations.push(...theirs(story.delegations));
  rows.unpaidCarers.push(...story.unpaidCarers.filter((row) => row.carerNhsNumber === nhsNumber));
}

function coordinatorOf(nhsNumber: string): SocialCareRows['careTeam'][number] {
  return careTeamMember(nhsNumber, storyWorkers.coordinator, '2025-11-20');
}
