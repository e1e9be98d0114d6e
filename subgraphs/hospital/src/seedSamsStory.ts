import { careTeamMember, recordedBy } from '@joined-up/kit';
import { sam, workers } from '@joined-up/population';
import type { admissions, diagnoses, dischargeSummaries, emergencyAttendances } from './tables.ts';
import { reasons } from './vocabulary.ts';

/** The trust's own staff who record the demo entries. */
export const hospitalStaff = {
  edNurse: {
    id: 'w-ed-adeyemi',
    name: 'Femi Adeyemi',
    jobTitle: 'Emergency department nurse',
    organisationCode: 'DEMOH1',
    organisationName: 'Riverside University Hospitals NHS Foundation Trust',
  },
  consultant: {
    id: 'w-am-grant',
    name: 'Dr Olivia Grant',
    jobTitle: 'Consultant in acute medicine',
    organisationCode: 'DEMOH1',
    organisationName: 'Riverside University Hospitals NHS Foundation Trust',
  },
};

/** Riverside General's emergency department and acute medical ward, with their phones. */
export const places = {
  emergencyDepartment: { name: 'Riverside General Hospital Emergency Department', phone: '01632 960850' },
  acuteMedicalUnit: { name: 'Ward 7, Acute Medical Unit, Riverside General Hospital', phone: '01632 960857' },
  elderlyCare: { name: 'Ward 12, Elderly Care, Riverside General Hospital', phone: '01632 960862' },
  respiratory: { name: 'Ward 9, Respiratory, Riverside General Hospital', phone: '01632 960859' },
};

const nhs = sam.nhsNumber;

/**
 * Sam's hospital story: his mother found him drowsy and sweating one evening in November, after a
 * change of support worker meant a missed snack; an ambulance took him to the emergency department
 * with a severe hypoglycaemia, and he spent three nights on the acute medical unit. The discharge
 * summary asks what his first two placements never had: that everyone supporting him knows how to
 * spot and treat a hypo.
 */
export const samsHospitalRecord = {
  emergencyAttendances: [
    {
      id: 'sam-ed-1',
      nhsNumber: nhs,
      department: places.emergencyDepartment.name,
      departmentPhone: places.emergencyDepartment.phone,
      arrivalMode: 'Ambulance',
      arrivedAt: '2026-11-14T21:40:00Z',
      departedAt: '2026-11-15T01:10:00Z',
      outcome: 'Admitted',
      ...recordedBy(hospitalStaff.edNurse, '2026-11-14T21:45:00Z'),
    },
  ] satisfies Array<typeof emergencyAttendances.$inferInsert>,
  admissions: [
    {
      id: 'sam-admission-1',
      nhsNumber: nhs,
      method: 'Emergency',
      ward: places.acuteMedicalUnit.name,
      wardPhone: places.acuteMedicalUnit.phone,
      consultant: hospitalStaff.consultant.name,
      emergencyAttendanceId: 'sam-ed-1',
      admittedAt: '2026-11-15T01:10:00Z',
      dischargedAt: '2026-11-18T14:00:00Z',
      dischargeDestination: 'Usual place of residence',
      ...recordedBy(hospitalStaff.consultant, '2026-11-15T01:15:00Z'),
    },
  ] satisfies Array<typeof admissions.$inferInsert>,
  diagnoses: [
    {
      id: 'sam-dx-1',
      encounterId: 'sam-ed-1',
      reason: reasons.hypoglycaemia,
      rank: 'primary',
      at: '2026-11-14T22:10:00Z',
    },
    {
      id: 'sam-dx-2',
      encounterId: 'sam-admission-1',
      reason: reasons.hypoglycaemia,
      rank: 'primary',
      at: '2026-11-15T01:15:00Z',
    },
    {
      id: 'sam-dx-3',
      encounterId: 'sam-admission-1',
      reason: reasons.type1Diabetes,
      rank: 'secondary',
      at: '2026-11-15T01:15:00Z',
    },
  ].map(
    ({ id, encounterId, reason, rank, at }) =>
      ({
        id,
        nhsNumber: nhs,
        encounterId,
        code: reason.code,
        display: reason.display,
        rank,
        ...recordedBy(id === 'sam-dx-1' ? hospitalStaff.edNurse : hospitalStaff.consultant, at),
      }) satisfies typeof diagnoses.$inferInsert,
  ),
  dischargeSummaries: [
    {
      id: 'sam-discharge-1',
      nhsNumber: nhs,
      admissionId: 'sam-admission-1',
      sections: [
        {
          heading: 'Admission details',
          content: 'Emergency admission via ED, 15 Nov 2026; Ward 7, Acute Medical Unit.',
        },
        { heading: 'Diagnoses', content: 'Severe hypoglycaemia (primary). Type 1 diabetes mellitus.' },
        {
          heading: 'Clinical summary',
          content:
            'Found drowsy and sweating by his mother; capillary glucose 1.9 mmol/L. Treated with IV glucose in ED. ' +
            'Missed evening snack after a change of support worker. Insulin doses reviewed with the diabetes team.',
        },
        {
          heading: 'Medications and medical devices',
          content:
            'Insulin glargine reduced from 18 to 16 units at night. Glucagon kit issued, to be kept in the flat.',
        },
        {
          heading: 'Information and advice given',
          content:
            'Sam and his mother shown how to use the glucagon kit. Easy-read hypo leaflet given. ' +
            'Sam asks that new workers meet him before they support him alone.',
        },
        {
          heading: 'Plan and requested actions',
          content:
            'GP: review glucose diary in two weeks. Diabetes specialist nurse: hypo training for every support ' +
            'worker at Oakfield before they support Sam alone. Care coordinator: update the plan and contingency.',
        },
      ],
      ...recordedBy(hospitalStaff.consultant, '2026-11-18T13:30:00Z'),
    },
  ] satisfies Array<typeof dischargeSummaries.$inferInsert>,
  // The team the trust's discharge planning records, from the place's shared care team. His mother
  // is told through her delegation, not as a professional.
  careTeam: [
    workers.gp,
    workers.diabetesNurse,
    workers.socialWorker,
    workers.careWorker,
    workers.secondCareWorker,
    workers.coordinator,
  ].map((worker) => careTeamMember(nhs, worker, '2026-11-15')),
  // Sam asked that his mother knows when he is in hospital and what the discharge asks of everyone.
  delegations: [
    {
      nhsNumber: nhs,
      carerSubject: 'citizen-margaret',
      categories: ['stays', 'discharge-summaries'],
      grantedOn: '2026-11-15',
    },
  ],
};
