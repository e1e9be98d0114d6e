import { careTeamMember, recordedBy } from '@joined-up/kit';
import { allergies as allergyConcepts, conditions, recorderOf, sam, samsMother, workers } from '@joined-up/population';
import type { allergies, careRelationships, encounters, flags, medications, problems } from './tables.ts';
import type { delegations, careTeam } from '@joined-up/kit';

const gp = recorderOf(workers.gp);
const practiceNurse = recorderOf(workers.practiceNurse);
const diabetesNurse = recorderOf(workers.diabetesNurse);
const matron = recorderOf(workers.communityMatron);
const districtNurse = recorderOf(workers.districtNurse);
const nhs = sam.nhsNumber;

/**
 * Sam's health record as his GP practice and community health services hold it: what his care
 * workers did not know in his first two placements, written down where everyone can find it.
 */
export const samsHealthRecord = {
  problems: [
    {
      id: 'sam-problem-autism',
      nhsNumber: nhs,
      snomedCode: conditions.autism.code,
      display: conditions.autism.display,
      status: 'ACTIVE',
      onsetDate: '2005-06-01',
      ...recordedBy(gp, '2005-06-20T10:00:00Z'),
    },
    {
      id: 'sam-problem-ld',
      nhsNumber: nhs,
      snomedCode: conditions.learningDisability.code,
      display: conditions.learningDisability.display,
      status: 'ACTIVE',
      onsetDate: '2005-06-01',
      ...recordedBy(gp, '2005-06-20T10:05:00Z'),
    },
    {
      id: 'sam-problem-t1d',
      nhsNumber: nhs,
      snomedCode: conditions.type1Diabetes.code,
      display: conditions.type1Diabetes.display,
      status: 'ACTIVE',
      onsetDate: '2012-09-10',
      ...recordedBy(gp, '2012-09-12T09:30:00Z'),
    },
  ] satisfies Array<typeof problems.$inferInsert>,
  medications: [
    {
      id: 'sam-med-glargine',
      nhsNumber: nhs,
      name: 'Insulin glargine 100 units/ml solution for injection, 3 ml pre-filled pen',
      dosageInstructions: '18 units at 9pm every evening. Supported by care worker; check pen dose before injecting.',
      status: 'ACTIVE',
      startedOn: '2019-02-01',
      ...recordedBy(diabetesNurse, '2019-02-01T11:00:00Z'),
    },
    {
      id: 'sam-med-aspart',
      nhsNumber: nhs,
      name: 'Insulin aspart 100 units/ml solution for injection, 3 ml pre-filled pen',
      dosageInstructions: 'With meals, 1 unit per 10 g carbohydrate, using the carb-count card in his kitchen.',
      status: 'ACTIVE',
      startedOn: '2019-02-01',
      ...recordedBy(diabetesNurse, '2019-02-01T11:05:00Z'),
    },
    {
      id: 'sam-med-glucagon',
      nhsNumber: nhs,
      name: 'Glucagon 1 mg powder and solvent for solution for injection kit',
      dosageInstructions: 'For severe hypoglycaemia if Sam cannot swallow: inject 1 mg and call 999.',
      status: 'ACTIVE',
      startedOn: '2020-05-11',
      ...recordedBy(gp, '2020-05-11T15:00:00Z'),
    },
  ] satisfies Array<typeof medications.$inferInsert>,
  allergies: [
    {
      id: 'sam-allergy-penicillin',
      nhsNumber: nhs,
      snomedCode: allergyConcepts.penicillin.code,
      display: allergyConcepts.penicillin.display,
      reaction: 'Widespread rash',
      severity: 'MODERATE',
      ...recordedBy(gp, '2010-03-03T10:00:00Z'),
    },
  ] satisfies Array<typeof allergies.$inferInsert>,
  flags: [
    {
      id: 'sam-alert-hypo',
      nhsNumber: nhs,
      kind: 'alert',
      category: 'Clinical risk',
      description:
        'Risk of hypoglycaemia. Sam may not say he feels unwell: ' +
        'watch for sweating, irritability or going quiet. Check blood ' +
        'glucose; if below 4 mmol/L give 15-20 g fast-acting glucose ' +
        '(5 jelly babies), recheck after 15 minutes.',
      ...recordedBy(diabetesNurse, '2023-11-02T14:00:00Z'),
    },
    {
      id: 'sam-alert-insulin',
      nhsNumber: nhs,
      kind: 'alert',
      category: 'Medication support',
      description:
        'Insulin is given with support from trained care workers ' +
        'only. A missed evening dose must be reported to the diabetes ' +
        'specialist nurse the same day.',
      ...recordedBy(diabetesNurse, '2023-11-02T14:05:00Z'),
    },
    {
      id: 'sam-req-communication',
      nhsNumber: nhs,
      kind: 'requirement',
      category: 'Communication: information in easy read',
      description:
        'Letters and plans in easy read. Explain one thing at a time ' +
        'and give Sam time to answer; he prefers text messages to ' +
        'phone calls.',
      ...recordedBy(practiceNurse, '2024-01-15T10:00:00Z'),
    },
    {
      id: 'sam-req-adjustment',
      nhsNumber: nhs,
      kind: 'requirement',
      category: 'Reasonable adjustment: longer appointment, quiet place to wait',
      description:
        'Double appointment, first of the day, and a quiet room to ' +
        'wait in: a busy waiting room causes distress. His mother or ' +
        'support worker may attend.',
      ...recordedBy(gp, '2024-01-15T10:10:00Z'),
    },
  ] satisfies Array<typeof flags.$inferInsert>,
  encounters: [
    {
      id: 'sam-enc-1',
      nhsNumber: nhs,
      occurredAt: '2026-10-06T09:00:00Z',
      type: 'Diabetes review',
      setting: 'Home visit',
      summary:
        'HbA1c 64 mmol/mol, improving. Reviewed injection technique ' +
        'with Lucy (support worker); Mark not yet trained, booked him ' +
        'on insulin training.',
      clinicianId: workers.diabetesNurse.id,
      ...recordedBy(diabetesNurse, '2026-10-06T11:00:00Z'),
    },
    {
      id: 'sam-enc-2',
      nhsNumber: nhs,
      occurredAt: '2026-08-19T08:30:00Z',
      type: 'Annual learning disability health check',
      setting: 'GP surgery',
      summary: 'Health check with easy read health action plan. Weight stable. Mother attended.',
      clinicianId: workers.practiceNurse.id,
      ...recordedBy(practiceNurse, '2026-08-19T09:30:00Z'),
    },
    {
      id: 'sam-enc-3',
      nhsNumber: nhs,
      occurredAt: '2026-06-02T14:00:00Z',
      type: 'Consultation after hypoglycaemia',
      setting: 'Telephone',
      summary:
        'Hypo overnight after a missed meal; recovered with glucose. ' +
        'Agreed bedtime snack plan with supported-living staff.',
      clinicianId: workers.gp.id,
      ...recordedBy(gp, '2026-06-02T14:20:00Z'),
    },
    {
      id: 'sam-enc-4',
      nhsNumber: nhs,
      occurredAt: '2026-04-14T10:30:00Z',
      type: 'Long-term conditions review',
      setting: 'Home visit',
      summary: 'Settled in new flat. Foot check normal. Discussed what happens if his mother is unwell.',
      clinicianId: workers.communityMatron.id,
      ...recordedBy(matron, '2026-04-14T12:00:00Z'),
    },
    {
      id: 'sam-enc-6',
      nhsNumber: nhs,
      occurredAt: '2025-12-09T11:00:00Z',
      type: 'Safeguarding discussion',
      setting: 'GP surgery',
      summary:
        'Concern about money being taken by an acquaintance; ' +
        'discussed with Sam and the council safeguarding team. Sam ' +
        'agreed a plan.',
      clinicianId: workers.gp.id,
      sensitivity: 'safeguarding',
      ...recordedBy(gp, '2025-12-09T12:00:00Z'),
    },
    {
      id: 'sam-enc-5',
      nhsNumber: nhs,
      occurredAt: '2026-03-03T16:00:00Z',
      type: 'Insulin administration support',
      setting: 'Home visit',
      summary: 'Observed evening insulin with support worker; technique correct.',
      clinicianId: workers.districtNurse.id,
      ...recordedBy(districtNurse, '2026-03-03T17:00:00Z'),
    },
  ] satisfies Array<typeof encounters.$inferInsert>,
  careRelationships: [
    { nhsNumber: nhs, clinicianId: workers.gp.id, relationship: 'Named GP', since: '2019-01-10' },
    {
      nhsNumber: nhs,
      clinicianId: workers.practiceNurse.id,
      relationship: 'Learning disability health checks',
      since: '2020-01-10',
    },
    {
      nhsNumber: nhs,
      clinicianId: workers.diabetesNurse.id,
      relationship: 'Diabetes specialist nurse caseload',
      since: '2019-02-01',
    },
    {
      nhsNumber: nhs,
      clinicianId: workers.communityMatron.id,
      relationship: 'Community matron caseload',
      since: '2025-11-20',
    },
    {
      nhsNumber: nhs,
      clinicianId: workers.districtNurse.id,
      relationship: 'District nursing team',
      since: '2025-11-20',
    },
    { nhsNumber: samsMother.nhsNumber, clinicianId: workers.gp.id, relationship: 'Named GP', since: '1995-05-01' },
  ] satisfies Array<typeof careRelationships.$inferInsert>,
  // Professionals of other agencies the practice records as Sam's care team.
  careTeam: [workers.careWorker, workers.secondCareWorker, workers.socialWorker, workers.linkWorker].map((worker) =>
    careTeamMember(nhs, worker, '2025-11-20'),
  ) satisfies Array<typeof careTeam.$inferInsert>,
  // Sam has asked that his mother can see his health record, but not his appointments.
  delegations: [
    {
      nhsNumber: nhs,
      carerSubject: 'citizen-margaret',
      categories: [
        'demographics',
        'problems',
        'medications',
        'allergies',
        'alerts',
        'individual-requirements',
        'clinicians',
        'access-log',
        'sharing-decisions',
      ],
      grantedOn: '2025-11-20',
    },
  ] satisfies Array<typeof delegations.$inferInsert>,
};
