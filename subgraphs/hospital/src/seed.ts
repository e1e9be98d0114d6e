import { careTeam, careTeamMember, type Database, recordedBy, type SeedProgress } from '@joined-up/kit';
import { sam, workers } from '@joined-up/population';
import { supports, type HospitalTables } from './tables.ts';

// Who recorded the demo entries: a member of Riverside University Hospitals NHS Foundation Trust's staff.
const staff = {
  id: 'w-hospital-staff',
  name: 'Riverside University Hospitals NHS Foundation Trust staff',
  jobTitle: 'Support worker',
  organisationCode: 'DEMOHO1',
  organisationName: 'Riverside University Hospitals NHS Foundation Trust',
};

/**
 * Writes the agency's slice of the demo population: Sam's entry, with the place partnership's
 * care coordinator on his care team here (so she may see it, as the policy says). Add the
 * generated population's rows here as the agency's data grows. Safe to run again.
 */
export async function seed(db: Database<HospitalTables>, options: { people: number; onProgress?: SeedProgress }) {
  await db.transaction(async (tx) => {
    await tx
      .insert(supports)
      .values({
        id: 'sam-support-1',
        nhsNumber: sam.nhsNumber,
        summary: 'Support from Riverside University Hospitals NHS Foundation Trust, agreed with Sam.',
        startedOn: '2026-09-01',
        ...recordedBy(staff, '2026-09-01T10:00:00Z'),
      })
      .onConflictDoNothing();
    await tx
      .insert(careTeam)
      .values(careTeamMember(sam.nhsNumber, workers.coordinator, '2026-09-01'))
      .onConflictDoNothing();
  });
  options.onProgress?.(options.people, options.people);
}
