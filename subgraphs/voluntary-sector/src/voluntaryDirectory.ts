import { charityWorkers, createRandom, generatePerson, organisations, seedFrom } from '@joined-up/population';
import type { organisations as organisationsTable, services, volunteers, workers } from './tables.ts';

type ServiceRow = typeof services.$inferInsert;

const { carersGroup, communityLinks, ageFriendly } = organisations;

const service = (
  id: string,
  organisationCode: string,
  name: string,
  category: string,
  description: string,
  howToContact: string,
): ServiceRow => ({
  id,
  organisationCode,
  name,
  category,
  description,
  howToContact,
});

const serviceRows = [
  service(
    'v1-carers-cafe',
    carersGroup.code,
    "Carers' café",
    'PEER_SUPPORT',
    'A friendly morning with other unpaid carers: tea, a listening ear and a break from caring.',
    'Drop in, first Tuesday of the month, 10:00 to 12:00, Riverside Library community room. Call 01632 960500.',
  ),
  service(
    'v1-carers-advice',
    carersGroup.code,
    "Carers' information and advice",
    'INFORMATION_AND_ADVICE',
    "One-to-one help to plan ahead: emergency plans, carer's " +
      'assessments, benefits and what happens when you cannot care.',
    'Call 01632 960500, weekdays 9:00 to 17:00, to book an appointment.',
  ),
  service(
    'v2-link-work',
    communityLinks.code,
    'Social prescribing link work',
    'LINK_WORK',
    'Time with a link worker to talk about what matters to you and find support and activities nearby.',
    'Ask your GP practice to refer you, or call 01632 960510.',
  ),
  service(
    'v2-climbing',
    communityLinks.code,
    'Saturday climbing club',
    'PHYSICAL_ACTIVITY',
    'Indoor climbing for beginners with trained volunteers; all equipment provided.',
    'Saturdays 10:00 to 12:00, Riverside Climbing Wall. Call 01632 960511.',
  ),
  service(
    'v2-cooking',
    communityLinks.code,
    'Cook and eat together',
    'FOOD_AND_COOKING',
    'Cook a simple meal in a small group, then eat it together. Recipes in easy read.',
    'Wednesdays 17:30 to 19:30, Willow Court community kitchen. Call 01632 960512.',
  ),
  service(
    'v2-walking',
    communityLinks.code,
    'Green walks',
    'PHYSICAL_ACTIVITY',
    'Gentle guided walks along the river, at the pace of the slowest walker.',
    'Thursdays 10:30, meet at Riverside Park gates. No need to book.',
  ),
  service(
    'v2-making',
    communityLinks.code,
    'Make and mend',
    'ARTS_AND_CREATIVITY',
    'Crafts, repairs and making things together in a relaxed group.',
    'Mondays 13:30 to 15:30, Castleford Green community centre. Call 01632 960513.',
  ),
  service(
    'v3-befriending',
    ageFriendly.code,
    'Telephone befriending',
    'BEFRIENDING',
    'A weekly call from the same friendly volunteer.',
    'Call 01632 960520 to ask for a befriender.',
  ),
  service(
    'v3-lunch-club',
    ageFriendly.code,
    'Lunch club',
    'SOCIAL_GROUP',
    'A hot two-course lunch and company; transport can be arranged.',
    'Fridays 12:00, Hillview Methodist Hall. Call 01632 960521 to book a place.',
  ),
  service(
    'v3-seated-exercise',
    ageFriendly.code,
    'Seated exercise',
    'PHYSICAL_ACTIVITY',
    'Gentle exercise to music, seated, to keep strength and balance.',
    'Tuesdays 14:00, Meadowbank village hall. No need to book.',
  ),
];

const volunteerRoles: Record<string, readonly string[]> = {
  PEER_SUPPORT: ['Group host', 'Peer supporter'],
  INFORMATION_AND_ADVICE: ['Advice volunteer'],
  LINK_WORK: ['Welcome volunteer'],
  PHYSICAL_ACTIVITY: ['Activity leader', 'Session helper'],
  FOOD_AND_COOKING: ['Cook', 'Kitchen helper'],
  ARTS_AND_CREATIVITY: ['Group leader'],
  BEFRIENDING: ['Befriender', 'Befriender', 'Befriender'],
  SOCIAL_GROUP: ['Driver', 'Kitchen helper', 'Host'],
};

/** One to three volunteers a service, by what the service needs: about twenty in all. */
function volunteerRowsFor(rows: ServiceRow[]): Array<typeof volunteers.$inferInsert> {
  return rows.flatMap((row) =>
    (volunteerRoles[row.category] ?? ['Volunteer']).map((role, i) => {
      const id = `${row.id}-volunteer-${i}`;
      const person = generatePerson(0, '', createRandom(seedFrom(`volunteer:${id}`)));
      return { id, serviceId: row.id, name: `${person.givenName} ${person.familyName}`, role };
    }),
  );
}

/** The charities, their services, workers and volunteers: the same on every seed. */
export const voluntaryDirectory = {
  organisations: [
    { code: carersGroup.code, name: carersGroup.name, charityKind: 'CHARITABLE_INCORPORATED_ORGANISATION' },
    { code: communityLinks.code, name: communityLinks.name, charityKind: 'CHARITABLE_COMPANY' },
    { code: ageFriendly.code, name: ageFriendly.name, charityKind: 'UNINCORPORATED_ASSOCIATION' },
  ] satisfies Array<typeof organisationsTable.$inferInsert>,
  services: serviceRows,
  volunteers: volunteerRowsFor(serviceRows),
  // The charities' workers as the population names them, so the other agencies' demo data names them too.
  workers: Object.values(charityWorkers)
    .flat()
    .map(({ id, name, jobTitle, organisationCode, email, phone }) => ({
      id,
      name,
      jobTitle,
      organisationCode,
      email,
      phone,
    })) satisfies Array<typeof workers.$inferInsert>,
};
