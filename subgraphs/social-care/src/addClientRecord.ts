import { recordedBy } from '@joined-up/kit';
import {
  addMonths,
  createRandom,
  organisations,
  randomDate,
  recorderOf,
  registeredManagers,
  seedFrom,
  type PopulationPerson,
  type Random,
  type SocialCareInvolvement,
  type vocabulary,
} from '@joined-up/population';
import type { SocialCareRows } from './socialCareRows.ts';
import { adultEligibilityOutcomes, type RouteOfAccess } from './vocabulary.ts';

// The primary support reasons the generator gives, from the CLD list.
type PrimarySupportReason = Extract<
  (typeof vocabulary.primarySupportReasons)[number],
  | 'Learning Disability Support'
  | 'Support with Memory and Cognition'
  | 'Mental Health Support'
  | 'Physical Support: Personal Care Support'
  | 'Physical Support: Access and Mobility Only'
  | 'Social Support: Support for Social Isolation/Other'
>;
type Outcome = keyof typeof adultEligibilityOutcomes;

// How not achieving each outcome typically shows, in words a plan would use.
const impacts: Record<Outcome, string> = {
  nutrition: 'Needs help to shop for, plan and prepare meals; has lost weight living alone.',
  hygiene: 'Cannot wash or bathe safely without help.',
  toilet: 'Needs help to get to and use the toilet in time.',
  clothed: 'Needs help to dress, especially with buttons, shoes and socks.',
  homeSafely: 'Has had falls moving around the home and cannot always manage the stairs.',
  habitableHome: 'Cannot keep on top of cleaning, laundry and bills.',
  relationships: 'Has lost contact with friends and family and feels lonely.',
  work: 'Wants to work or volunteer but cannot start without support.',
  community: 'Cannot get to the shops, appointments or social activities without someone with them.',
  childCaring: 'Needs help to look after their child.',
};

// What each kind of need usually means for the outcomes, services and the person's own goals.
const profiles: Record<
  PrimarySupportReason,
  {
    outcomes: Outcome[];
    component: 'Supported Living' | 'Home Support' | 'Day Care';
    hours: [number, number];
    goals: string[];
  }
> = {
  'Learning Disability Support': {
    outcomes: ['nutrition', 'homeSafely', 'relationships', 'community', 'work'],
    component: 'Supported Living',
    hours: [20, 50],
    goals: [
      'I want to live in my own place with the right support.',
      'I want to choose what I do each day.',
      'I want to see my friends and family.',
    ],
  },
  'Support with Memory and Cognition': {
    outcomes: ['nutrition', 'hygiene', 'homeSafely', 'habitableHome'],
    component: 'Home Support',
    hours: [7, 21],
    goals: [
      'I want to stay in my own home for as long as I can.',
      'I want someone to remind me to eat and take my tablets.',
      'I want my family to know I am safe.',
    ],
  },
  'Mental Health Support': {
    outcomes: ['relationships', 'community', 'work', 'habitableHome'],
    component: 'Home Support',
    hours: [4, 10],
    goals: [
      'I want to feel less alone.',
      'I want to get back to volunteering.',
      'I want to keep on top of my bills and my flat.',
    ],
  },
  'Physical Support: Personal Care Support': {
    outcomes: ['hygiene', 'toilet', 'clothed', 'nutrition'],
    component: 'Home Support',
    hours: [5, 21],
    goals: [
      'I want to get washed and dressed without rushing.',
      'I want to stay in my own home.',
      'I want to feel safe getting in and out of the bath.',
    ],
  },
  'Physical Support: Access and Mobility Only': {
    outcomes: ['homeSafely', 'community', 'habitableHome'],
    component: 'Home Support',
    hours: [3, 10],
    goals: ['I want to get to the shops and the GP.', 'I want to move around my home safely.'],
  },
  'Social Support: Support for Social Isolation/Other': {
    outcomes: ['relationships', 'community'],
    component: 'Day Care',
    hours: [6, 12],
    goals: ['I want to get out of the house more.', 'I want to meet people.'],
  },
};

/**
 * The main reason a generated person needs support: what their provider is there for (supported
 * living, day care), or else what their conditions make most likely.
 */
function primarySupportReasonOf(
  person: PopulationPerson,
  providerCode: SocialCareInvolvement['providerCode'],
  random: Random,
): PrimarySupportReason {
  const has = (condition: PopulationPerson['conditions'][number]) => person.conditions.includes(condition);
  if (providerCode === 'DEMOSL1') return 'Learning Disability Support';
  if (providerCode === 'DEMOLA1') return 'Social Support: Support for Social Isolation/Other';
  if (has('dementia')) return 'Support with Memory and Cognition';
  if ((has('depression') || has('anxiety')) && random.chance(0.5)) return 'Mental Health Support';
  return random.chance(0.6) ? 'Physical Support: Personal Care Support' : 'Physical Support: Access and Mobility Only';
}

function routeOfAccess(person: PopulationPerson, reason: PrimarySupportReason, random: Random): RouteOfAccess {
  if (reason === 'Learning Disability Support' && Number(person.dateOfBirth.slice(0, 4)) >= 2000)
    return 'Planned Entry (Transition)';
  const draw = random.next();
  if (draw < 0.6) return 'Community / Other route';
  if (draw < 0.85) return 'Discharge from Hospital';
  if (draw < 0.9) return 'Diversion from Hospital Services';
  return draw < 0.95 ? 'Self-Funder' : 'Transfer from Other LA';
}

/** Picks `count` distinct items, keeping their order in the list. */
function pickSome<T>(items: readonly T[], count: number, random: Random): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(random.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
}

/**
 * A generated person known to social care: a request, a Care Act assessment (eligible, since
 * at least two outcomes are unmet), a long-term service, a plan in their words, a review, the
 * allocation to their social worker, and their care workers where a provider delivers the
 * service. Who those workers and the provider are is the population's to say, so every agency
 * names the same people.
 */
export function addClientRecord(
  rows: SocialCareRows,
  person: PopulationPerson,
  involvement: SocialCareInvolvement,
): void {
  const random = createRandom(seedFrom(`social-care:${person.nhsNumber}`));
  const { socialWorker, providerCode } = involvement;
  const recorder = recorderOf(socialWorker);
  const id = (what: string) => `${person.nhsNumber}-${what}`;
  const reason = primarySupportReasonOf(person, providerCode, random);
  const profile = profiles[reason];
  const requestedOn = randomDate(random, 2018, 2025);
  const assessedOn = addMonths(requestedOn, 1);
  const startDate = addMonths(requestedOn, random.int(2, 3));
  const outcomes = pickSome(profile.outcomes, random.int(2, Math.min(4, profile.outcomes.length)), random);
  const directPayment = providerCode === null;
  const hoursPerWeek = random.int(...profile.hours);
  const reviewedOn = [randomDate(random, random.chance(0.15) ? 2025 : 2026, 2026, 10), addMonths(startDate, 6)]
    .sort()
    .at(-1) as string;
  const nextReviewDue = addMonths(reviewedOn, 12);
  const providerName = Object.values(organisations).find((organisation) => organisation.code === providerCode)?.name;

  rows.requests.push({
    id: id('request'),
    nhsNumber: person.nhsNumber,
    requestedOn,
    routeOfAccess: routeOfAccess(person, reason, random),
    outcome: 'Progress to Assessment',
    ...recordedBy(recorder, `${requestedOn}T10:00:00Z`),
  });
  rows.assessments.push({
    id: id('assessment'),
    nhsNumber: person.nhsNumber,
    kind: 'needs',
    assessedOn,
    assessorId: socialWorker.id,
    caredForNhsNumber: null,
    needs: outcomes.map((outcome) => ({ outcome: adultEligibilityOutcomes[outcome], impact: impacts[outcome] })),
    eligibility: 'ELIGIBLE',
    primarySupportReason: reason,
    summary:
      `Unable to achieve ${outcomes.length} outcomes, with a ` +
      `significant impact on wellbeing: eligible for care and ` +
      `support.`,
    ...recordedBy(recorder, `${assessedOn}T15:00:00Z`),
  });
  rows.services.push({
    id: id('service'),
    nhsNumber: person.nhsNumber,
    serviceType: 'Long Term Support: Community',
    serviceComponent: profile.component,
    supportSetting: 'Community',
    deliveryMechanism: directPayment ? 'Direct Payment' : 'CASSR Commissioned Support',
    primarySupportReason: reason,
    providerCode,
    hoursPerWeek,
    startDate,
    endDate: null,
    ...recordedBy(recorder, `${addMonths(startDate, -1)}T12:00:00Z`),
  });
  const howSupported = providerName
    ? `${profile.component} from ${providerName}, ${hoursPerWeek} hours a week.`
    : `A direct payment to employ a personal assistant, ${hoursPerWeek} hours a week.`;
  rows.plans.push({
    id: id('plan'),
    nhsNumber: person.nhsNumber,
    status: 'AGREED',
    agreedOn: addMonths(startDate, -1),
    outcomes: pickSome(profile.goals, random.int(1, profile.goals.length), random).map((goal) => ({
      inTheirWords: goal,
      howSupported,
    })),
    providerCode,
    nextReviewDue,
    ...recordedBy(recorder, `${addMonths(startDate, -1)}T12:30:00Z`),
  });
  const changed = random.chance(0.2);
  rows.reviews.push({
    id: id('review'),
    nhsNumber: person.nhsNumber,
    reviewedOn,
    reviewerId: socialWorker.id,
    kind: random.chance(0.9) ? 'PLANNED' : 'UNPLANNED',
    outcome: changed ? 'Progress to Support Planning / Services' : 'No change in package',
    summary: changed
      ? 'Needs have changed: support plan to be revised.'
      : 'Support is meeting the outcomes in the plan; no change needed.',
    nextReviewDue,
    ...recordedBy(recorder, `${reviewedOn}T15:00:00Z`),
  });
  rows.allocations.push({
    id: id('allocation'),
    nhsNumber: person.nhsNumber,
    workerId: socialWorker.id,
    allocatedOn: requestedOn,
    endedOn: null,
    reason: `Care Act assessment and support: ${reason}.`,
    ...recordedBy(recorder, `${requestedOn}T10:30:00Z`),
  });
  if (providerCode === 'DEMOSL1' || providerCode === 'DEMOSL2') {
    const manager = recorderOf(registeredManagers[providerCode]);
    involvement.careWorkers.forEach(({ worker, role }, i) =>
      rows.careWorkerAssignments.push({
        id: id(`care-worker-${i}`),
        nhsNumber: person.nhsNumber,
        workerId: worker.id,
        role,
        since: startDate,
        ...recordedBy(manager, `${startDate}T09:00:00Z`),
      }),
    );
  }
}
