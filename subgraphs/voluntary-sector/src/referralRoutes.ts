import type { CharityCode } from '@joined-up/population';

/** What follows a generated person's referral to a charity, and the words the people there tend to use. */
export interface ReferralRoute {
  /** Services the person may go on to join. */
  serviceIds: readonly string[];
  reasons: readonly string[];
  whatMatters: readonly string[];
  goals: readonly string[];
}

const carers: ReferralRoute = {
  serviceIds: ['v1-carers-cafe', 'v1-carers-advice'],
  reasons: [
    'Unpaid carer under strain; would like to meet other carers.',
    'Cares for a family member and wants help to plan for the future.',
    'Carer feeling isolated and not sleeping well.',
  ],
  whatMatters: [
    'Having a bit of time that is just for me',
    'Knowing who to call if something happens to me',
    'Talking to people who understand',
    'Keeping my job while I care',
  ],
  goals: [
    "Come to the carers' café once a month",
    'Write an emergency plan for the person I care for',
    "Ask the council for a carer's assessment",
  ],
};

const communityLinks: ReferralRoute = {
  serviceIds: ['v2-climbing', 'v2-cooking', 'v2-walking', 'v2-making'],
  reasons: [
    'Lonely and low since losing work; would like to meet people.',
    'Wants to be more active but lacks the confidence to start.',
    'Money worries and low mood; rarely leaves the house.',
    'Recently moved to the area and knows nobody.',
  ],
  whatMatters: [
    'Getting out of the house most days',
    'Feeling useful again',
    'Making friends round here',
    'Being fitter for my kids',
    'Not feeling so stuck',
  ],
  goals: [
    'Join one group and go every week for a month',
    'Walk to the park and back on my own',
    'Learn to cook three cheap meals',
  ],
};

const ageFriendly: ReferralRoute = {
  serviceIds: ['v3-befriending', 'v3-lunch-club', 'v3-seated-exercise'],
  reasons: [
    'Lives alone and rarely goes out.',
    'Lonely since losing their partner; would enjoy company at lunch.',
    'Wants to stay steady on their feet after a fall.',
  ],
  whatMatters: [
    'Staying in my own home',
    'Someone to talk to in the week',
    'Not being a burden to my family',
    'Keeping steady on my feet',
  ],
  goals: ['Go to the lunch club on Fridays', 'Have a weekly call with a befriender', 'Try the seated exercise class'],
};

/** Each charity's route; which charity a person is referred to, and who takes it, is the population's to say. */
export const referralRoutes: Record<CharityCode, ReferralRoute> = {
  DEMOV1: carers,
  DEMOV2: communityLinks,
  DEMOV3: ageFriendly,
};
