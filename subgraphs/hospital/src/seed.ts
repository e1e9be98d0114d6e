import { careTeam, careTeamMember, delegations, type Database, recordedBy, type SeedProgress } from '@joined-up/kit';
import {
  createRandom,
  namedGpByPractice,
  type PopulationPerson,
  randomDate,
  seedFrom,
  seedInBatches,
} from '@joined-up/population';
import { hospitalStaff, places, samsHospitalRecord } from './seedSamsStory.ts';
import { admissions, diagnoses, dischargeSummaries, emergencyAttendances, type HospitalTables } from './tables.ts';
import { reasons } from './vocabulary.ts';

type Rows = {
  emergencyAttendances: Array<typeof emergencyAttendances.$inferInsert>;
  admissions: Array<typeof admissions.$inferInsert>;
  diagnoses: Array<typeof diagnoses.$inferInsert>;
  dischargeSummaries: Array<typeof dischargeSummaries.$inferInsert>;
  careTeam: Array<typeof careTeam.$inferInsert>;
};

/** The likeliest reason a generated person comes to the emergency department, given their conditions. */
function reasonFor(person: PopulationPerson, pick: <T>(items: readonly T[]) => T) {
  if (person.conditions.includes('copd')) return reasons.copdExacerbation;
  if (person.conditions.includes('heartFailure')) return reasons.heartFailure;
  if (person.conditions.includes('type1Diabetes')) return reasons.hypoglycaemia;
  if (person.conditions.includes('dementia')) return reasons.fall;
  if (person.conditions.includes('asthma')) return reasons.asthma;
  return pick([reasons.chestPain, reasons.pneumonia, reasons.urinaryInfection, reasons.fall]);
}

/**
 * One generated person's hospital record: about one in eight has attended the emergency
 * department this year (more with a long-term condition), and about four in ten of those were
 * admitted, discharged after a few days with a summary under the PRSB headings. Their registered
 * GP, to whom the trust sends the summary, is on the trust's care team for them.
 */
function rowsOf(person: PopulationPerson, rows: Rows): void {
  const random = createRandom(seedFrom(`hospital:${person.nhsNumber}`));
  if (!random.chance(person.conditions.length > 0 ? 0.2 : 0.08)) return;
  const day = randomDate(random, 2026, 2026, 11);
  const clock = (max: number) => String(random.int(0, max)).padStart(2, '0');
  const arrivedAt = `${day}T${clock(23)}:${clock(59)}:00Z`;
  const hours = (start: string, count: number) => new Date(Date.parse(start) + count * 3_600_000).toISOString();
  const reason = reasonFor(person, random.pick);
  const admitted = random.chance(0.4);
  const departedAt = hours(arrivedAt, random.int(2, 6));
  const edId = `ed-${person.nhsNumber}`;
  rows.emergencyAttendances.push({
    id: edId,
    nhsNumber: person.nhsNumber,
    department: places.emergencyDepartment.name,
    departmentPhone: places.emergencyDepartment.phone,
    arrivalMode: random.pick(['Ambulance', 'Walk-in', 'Walk-in', 'Other']),
    arrivedAt,
    departedAt,
    outcome: admitted ? 'Admitted' : 'Discharged home',
    ...recordedBy(hospitalStaff.edNurse, arrivedAt),
  });
  rows.diagnoses.push({
    id: `dx-${edId}`,
    nhsNumber: person.nhsNumber,
    encounterId: edId,
    code: reason.code,
    display: reason.display,
    rank: 'primary',
    ...recordedBy(hospitalStaff.edNurse, arrivedAt),
  });
  const gp = namedGpByPractice[person.gpPracticeCode as keyof typeof namedGpByPractice];
  if (gp) rows.careTeam.push(careTeamMember(person.nhsNumber, gp, day));
  if (!admitted) return;
  const admissionId = `admission-${person.nhsNumber}`;
  const ward =
    reason === reasons.copdExacerbation || reason === reasons.pneumonia ? places.respiratory : places.elderlyCare;
  const dischargedAt = hours(departedAt, 24 * random.int(1, 9));
  rows.admissions.push({
    id: admissionId,
    nhsNumber: person.nhsNumber,
    method: 'Emergency',
    ward: ward.name,
    wardPhone: ward.phone,
    consultant: hospitalStaff.consultant.name,
    emergencyAttendanceId: edId,
    admittedAt: departedAt,
    dischargedAt,
    dischargeDestination: random.chance(0.9) ? 'Usual place of residence' : 'Care home',
    ...recordedBy(hospitalStaff.consultant, departedAt),
  });
  rows.diagnoses.push({
    id: `dx-${admissionId}`,
    nhsNumber: person.nhsNumber,
    encounterId: admissionId,
    code: reason.code,
    display: reason.display,
    rank: 'primary',
    ...recordedBy(hospitalStaff.consultant, departedAt),
  });
  rows.dischargeSummaries.push({
    id: `discharge-${person.nhsNumber}`,
    nhsNumber: person.nhsNumber,
    admissionId,
    sections: [
      { heading: 'Admission details', content: `Emergency admission via ED; ${ward.name}.` },
      { heading: 'Diagnoses', content: `${reason.display} (primary).` },
      {
        heading: 'Clinical summary',
        content: 'Treated and improved; observations stable for 24 hours before discharge.',
      },
      { heading: 'Plan and requested actions', content: 'GP: review within two weeks of discharge.' },
    ],
    ...recordedBy(hospitalStaff.consultant, dischargedAt),
  });
}

/**
 * Writes the trust's slice of the demo population: Sam's attendance, admission with a severe
 * hypoglycaemia and discharge written in full from the story, with his care team at the trust and
 * his delegation to his mother; then the generated town's attendances and admissions. Safe to run
 * again.
 */
export async function seed(db: Database<HospitalTables>, options: { people: number; onProgress?: SeedProgress }) {
  const story = samsHospitalRecord;
  await db.transaction(async (tx) => {
    await tx.insert(emergencyAttendances).values(story.emergencyAttendances).onConflictDoNothing();
    await tx.insert(admissions).values(story.admissions).onConflictDoNothing();
    await tx.insert(diagnoses).values(story.diagnoses).onConflictDoNothing();
    await tx.insert(dischargeSummaries).values(story.dischargeSummaries).onConflictDoNothing();
    await tx.insert(careTeam).values(story.careTeam).onConflictDoNothing();
    await tx.insert(delegations).values(story.delegations).onConflictDoNothing();
  });
  await seedInBatches(
    { people: options.people, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    async (batch) => {
      const rows: Rows = {
        emergencyAttendances: [],
        admissions: [],
        diagnoses: [],
        dischargeSummaries: [],
        careTeam: [],
      };
      for (const person of batch) if (person.index >= 2) rowsOf(person, rows);
      await db.transaction(async (tx) => {
        if (rows.emergencyAttendances.length > 0)
          await tx.insert(emergencyAttendances).values(rows.emergencyAttendances).onConflictDoNothing();
        if (rows.admissions.length > 0) await tx.insert(admissions).values(rows.admissions).onConflictDoNothing();
        if (rows.diagnoses.length > 0) await tx.insert(diagnoses).values(rows.diagnoses).onConflictDoNothing();
        if (rows.dischargeSummaries.length > 0)
          await tx.insert(dischargeSummaries).values(rows.dischargeSummaries).onConflictDoNothing();
        if (rows.careTeam.length > 0) await tx.insert(careTeam).values(rows.careTeam).onConflictDoNothing();
      });
    },
  );
}
