import { recordedBy } from '@joined-up/kit';
import {
  createRandom,
  randomDate,
  recorderOf,
  seedFrom,
  type CaringLink,
  type PopulationPerson,
} from '@joined-up/population';
import type { SocialCareRows } from './socialCareRows.ts';
import { carerEligibilityOutcomes } from './vocabulary.ts';

/**
 * A generated unpaid carer: the caring relationship on the cared-for person's record and, for
 * about half, a request and a carer's assessment on the carer's own record, with carer support
 * when the needs are eligible. Whom they care for, as what and since when is the population's
 * to say, so the partnership's care team names the same carer.
 */
export function addCarerRecord(rows: SocialCareRows, carer: PopulationPerson, link: CaringLink): void {
  const random = createRandom(seedFrom(`social-care:carer:${carer.nhsNumber}`));
  const { caredForNhsNumber, relationship, since, socialWorker } = link;
  const recorder = recorderOf(socialWorker);
  const id = (what: string) => `${carer.nhsNumber}-${what}`;
  const livesWithPerson = relationship === 'Wife' || relationship === 'Husband' || random.chance(0.3);
  const draw = random.next();
  const status = draw < 0.45 ? 'COMPLETED' : draw < 0.65 ? 'OFFERED' : draw < 0.75 ? 'DECLINED' : 'NOT_OFFERED';
  rows.unpaidCarers.push({
    id: id('cares-for'),
    caredForNhsNumber,
    carerNhsNumber: carer.nhsNumber,
    relationship,
    livesWithPerson,
    carersAssessmentStatus: status,
    since,
    ...recordedBy(recorder, `${since}T12:00:00Z`),
  });
  if (status !== 'COMPLETED') return;

  const requestedOn = randomDate(random, Math.max(2019, Number(since.slice(0, 4))), 2026, 9);
  const assessedOn = `${requestedOn.slice(0, 8)}28`;
  const eligible = random.chance(0.75);
  rows.requests.push({
    id: id('carer-request'),
    nhsNumber: carer.nhsNumber,
    requestedOn,
    routeOfAccess: 'Community / Other route',
    outcome: 'Progress to Assessment',
    ...recordedBy(recorder, `${requestedOn}T10:00:00Z`),
  });
  rows.assessments.push({
    id: id('carers-assessment'),
    nhsNumber: carer.nhsNumber,
    kind: 'carer',
    assessedOn,
    assessorId: socialWorker.id,
    caredForNhsNumber,
    needs: eligible
      ? [
          { outcome: carerEligibilityOutcomes.recreation, impact: 'Has had no time to themselves since caring began.' },
          {
            outcome: random.pick([carerEligibilityOutcomes.relationships, carerEligibilityOutcomes.work]),
            impact: 'Caring leaves no time or energy for it.',
          },
        ]
      : [{ outcome: carerEligibilityOutcomes.recreation, impact: 'Would like more time to themselves.' }],
    eligibility: eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE',
    primarySupportReason: null,
    summary: eligible
      ? "Caring is affecting the carer's wellbeing significantly: eligible for support."
      : "Caring is manageable for now: given information about local carers' support.",
    ...recordedBy(recorder, `${assessedOn}T15:00:00Z`),
  });
  rows.services.push({
    id: id('carer-support'),
    nhsNumber: carer.nhsNumber,
    serviceType: eligible
      ? 'Carer Support: Direct Payment'
      : 'Carer Support: Information, Advice and Other Universal Services / Signposting',
    serviceComponent: eligible ? 'Support for Carer' : null,
    supportSetting: null,
    deliveryMechanism: eligible ? 'Direct Payment' : null,
    primarySupportReason: null,
    providerCode: null,
    hoursPerWeek: null,
    startDate: assessedOn,
    endDate: null,
    ...recordedBy(recorder, `${assessedOn}T16:00:00Z`),
  });
}
