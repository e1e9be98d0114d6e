import { careTeamMember, type Database, recordedBy, type SeedProgress } from '@joined-up/kit';
import {
  allergies as allergyConcepts,
  type ConditionName,
  conditions,
  createRandom,
  namedGpByPractice,
  recorderOf,
  organisations as demoOrganisations,
  type PopulationPerson,
  seedFrom,
  seedInBatches,
  workers,
} from '@joined-up/population';
import { samsHealthRecord } from './seedSamsStory.ts';
import {
  allergies,
  careRelationships,
  clinicians,
  encounters,
  flags,
  medications,
  organisations,
  patients,
  problems,
  type HealthTables,
} from './tables.ts';
import { delegations, careTeam } from '@joined-up/kit';

const healthWorkers = [
  workers.gp,
  workers.practiceNurse,
  workers.diabetesNurse,
  workers.communityMatron,
  workers.districtNurse,
  workers.unrelatedGp,
  workers.hillviewGp,
  workers.meadowLaneGp,
  workers.healthPrivacyOfficer,
];

// Typical first-line treatment for each condition, so medication lists match problem lists.
const treatments: Partial<Record<ConditionName, { name: string; dosage: string }>> = {
  hypertension: { name: 'Amlodipine 5 mg tablets', dosage: 'One tablet once a day.' },
  type2Diabetes: { name: 'Metformin 500 mg tablets', dosage: 'One tablet twice a day with meals.' },
  type1Diabetes: {
    name: 'Insulin glargine 100 units/ml pre-filled pen',
    dosage: 'As directed by the diabetes team, once a day.',
  },
  asthma: { name: 'Salbutamol 100 micrograms/dose inhaler', dosage: 'Two puffs when needed for breathlessness.' },
  copd: { name: 'Tiotropium 2.5 micrograms/dose inhaler', dosage: 'Two puffs once a day.' },
  depression: { name: 'Sertraline 50 mg tablets', dosage: 'One tablet once a day.' },
  dementia: { name: 'Donepezil 5 mg tablets', dosage: 'One tablet at night.' },
  heartFailure: { name: 'Bisoprolol 2.5 mg tablets', dosage: 'One tablet once a day.' },
  atrialFibrillation: { name: 'Apixaban 5 mg tablets', dosage: 'One tablet twice a day.' },
  osteoarthritis: { name: 'Paracetamol 500 mg tablets', dosage: 'Two tablets up to four times a day when needed.' },
  epilepsy: { name: 'Lamotrigine 100 mg tablets', dosage: 'One tablet twice a day.' },
};
const encounterTypes = [
  { type: 'GP consultation', setting: 'GP surgery' },
  { type: 'Medication review', setting: 'Telephone' },
  { type: 'Long-term conditions review', setting: 'GP surgery' },
  { type: 'Blood test', setting: 'GP surgery' },
  { type: 'Flu vaccination', setting: 'GP surgery' },
] as const;

/**
 * Writes health's slice of the demo population: every person is registered with a practice,
 * with problems, medications, allergies and encounters drawn from their conditions; Sam's
 * record is written in full from his story. Safe to run again: rows are keyed and conflicts skipped.
 */
export async function seed(
  db: Database<HealthTables>,
  options: { people: number; onProgress?: SeedProgress },
): Promise<void> {
  const healthOrganisations = Object.values(demoOrganisations).filter(
    (organisation) => organisation.sector === 'health',
  );
  await db
    .insert(organisations)
    .values(
      healthOrganisations.map((o) => ({
        code: o.code,
        name: o.name,
        kind: o.kind,
        parentCode: 'parentCode' in o ? o.parentCode : null,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(clinicians)
    .values(
      healthWorkers.map(({ id, name, jobTitle, role, organisationCode, email, phone }) => ({
        id,
        name,
        jobTitle,
        role,
        organisationCode,
        email,
        phone,
      })),
    )
    .onConflictDoNothing();
  await seedInBatches(
    { people: options.people, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    async (batch) => {
      const rows = healthRowsFor(batch);
      await db.transaction(async (tx) => {
        await tx.insert(patients).values(rows.patients).onConflictDoNothing();
        if (rows.problems.length) await tx.insert(problems).values(rows.problems).onConflictDoNothing();
        if (rows.medications.length) await tx.insert(medications).values(rows.medications).onConflictDoNothing();
        if (rows.allergies.length) await tx.insert(allergies).values(rows.allergies).onConflictDoNothing();
        if (rows.flags.length) await tx.insert(flags).values(rows.flags).onConflictDoNothing();
        if (rows.encounters.length) await tx.insert(encounters).values(rows.encounters).onConflictDoNothing();
        if (rows.careRelationships.length)
          await tx.insert(careRelationships).values(rows.careRelationships).onConflictDoNothing();
        if (rows.careTeam.length) await tx.insert(careTeam).values(rows.careTeam).onConflictDoNothing();
        if (rows.delegations.length) await tx.insert(delegations).values(rows.delegations).onConflictDoNothing();
      });
    },
  );
}

/** Health's rows for a batch of people. */
export function healthRowsFor(batch: PopulationPerson[]) {
  const rows = {
    patients: [] as Array<typeof patients.$inferInsert>,
    problems: [] as Array<typeof problems.$inferInsert>,
    medications: [] as Array<typeof medications.$inferInsert>,
    allergies: [] as Array<typeof allergies.$inferInsert>,
    flags: [] as Array<typeof flags.$inferInsert>,
    encounters: [] as Array<typeof encounters.$inferInsert>,
    careRelationships: [] as Array<typeof careRelationships.$inferInsert>,
    careTeam: [] as Array<typeof careTeam.$inferInsert>,
    delegations: [] as Array<typeof delegations.$inferInsert>,
  };
  for (const person of batch) {
    const random = createRandom(seedFrom(`health:${person.nhsNumber}`));
    rows.patients.push({
      nhsNumber: person.nhsNumber,
      givenName: person.givenName,
      familyName: person.familyName,
      sex: person.sex,
      dateOfBirth: person.dateOfBirth,
      addressLine1: person.address.line1,
      town: person.address.town,
      postcode: person.address.postcode,
      phone: person.phone,
      gpPracticeCode: person.gpPracticeCode,
      registeredOn: dayOf(
        Math.max(Number(person.dateOfBirth.slice(0, 4)), 1990 + random.int(0, 30)),
        random.int(1, 9),
        10 + random.int(0, 9),
      ),
    });
    if (person.index === 0) {
      rows.problems.push(...samsHealthRecord.problems);
      rows.medications.push(...samsHealthRecord.medications);
      rows.allergies.push(...samsHealthRecord.allergies);
      rows.flags.push(...samsHealthRecord.flags);
      rows.encounters.push(...samsHealthRecord.encounters);
      rows.careRelationships.push(
        ...samsHealthRecord.careRelationships.filter((row) => row.nhsNumber === person.nhsNumber),
      );
      rows.careTeam.push(...samsHealthRecord.careTeam, coordinatorOf(person.nhsNumber));
      rows.delegations.push(...samsHealthRecord.delegations);
      continue;
    }
    const gp = recorderOf(namedGpByPractice[person.gpPracticeCode as keyof typeof namedGpByPractice] ?? workers.gp);
    const birthYear = Number(person.dateOfBirth.slice(0, 4));
    const at = (year: number) =>
      dayOf(Math.min(2026, Math.max(birthYear + 1, year)), random.int(1, 9), random.int(10, 28));
    person.conditions.forEach((condition, i) => {
      const onset = at(2026 - random.int(1, 25));
      rows.problems.push({
        id: `${person.nhsNumber}-problem-${i}`,
        nhsNumber: person.nhsNumber,
        snomedCode: conditions[condition].code,
        display: conditions[condition].display,
        status: 'ACTIVE',
        onsetDate: onset,
        ...recordedBy(gp, `${onset}T10:00:00Z`),
      });
      const treatment = treatments[condition];
      if (treatment)
        rows.medications.push({
          id: `${person.nhsNumber}-medication-${i}`,
          nhsNumber: person.nhsNumber,
          name: treatment.name,
          dosageInstructions: treatment.dosage,
          status: 'ACTIVE',
          startedOn: onset,
          ...recordedBy(gp, `${onset}T10:30:00Z`),
        });
    });
    if (random.chance(0.08)) {
      const concept = random.pick([allergyConcepts.penicillin, allergyConcepts.peanut, allergyConcepts.latex]);
      rows.allergies.push({
        id: `${person.nhsNumber}-allergy-0`,
        nhsNumber: person.nhsNumber,
        snomedCode: concept.code,
        display: concept.display,
        reaction: random.pick(['Rash', 'Swelling of the lips', 'Wheeze']),
        severity: random.pick(['MILD', 'MODERATE', 'SEVERE']),
        ...recordedBy(gp, `${at(2015)}T09:00:00Z`),
      });
    }
    const visits = random.int(0, 2 + person.conditions.length);
    for (let i = 0; i < visits; i += 1) {
      const kind = random.pick(encounterTypes);
      const day = dayOf(2026, random.int(1, 10), random.int(10, 28));
      const when = `${day}T${twoDigits(random.int(8, 17))}:${random.pick(['00', '15', '30', '45'])}:00Z`;
      rows.encounters.push({
        id: `${person.nhsNumber}-encounter-${i}`,
        nhsNumber: person.nhsNumber,
        occurredAt: when,
        type: kind.type,
        setting: kind.setting,
        summary: `${kind.type}. No concerns raised.`,
        clinicianId: gp.id,
        ...recordedBy(gp, when),
      });
    }
    rows.careRelationships.push({
      nhsNumber: person.nhsNumber,
      clinicianId: gp.id,
      relationship: 'Named GP',
      since: rows.patients.at(-1)!.registeredOn,
    });
    // The place partnership's coordinator works with everyone known to adult social care.
    if (person.knownToSocialCare) rows.careTeam.push(coordinatorOf(person.nhsNumber));
  }
  return rows;
}

function coordinatorOf(nhsNumber: string): typeof careTeam.$inferInsert {
  return careTeamMember(nhsNumber, workers.coordinator, '2025-11-20');
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** An ISO day from its parts, month and day zero-padded. */
const dayOf = (year: number, month: number, day: number) => `${year}-${twoDigits(month)}-${twoDigits(day)}`;
