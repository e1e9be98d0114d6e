/** What each agency holds, in plain words, by the prefix of its Person fields. */
export const agencyHolds: Record<string, string> = {
  health: 'your GP and community health record: your conditions, medicines, allergies and appointments',
  hospital: 'your hospital stays, why you were there and what happened',
  socialCare: 'your support from the council: assessments, your care and support plan and your care workers',
  voluntarySector: 'your time with community groups and link workers, and what matters to you',
  careCoordination: 'your shared care plan, your care team and how your care is going',
};

/** Who works in each sector, in plain words; a sector a newer agency brings is named as it is. */
const sectorPeople: Record<string, string> = {
  health: 'health services (GPs, nurses and community health teams)',
  hospital: 'the hospital (its doctors and nurses)',
  'social-care': "social care (the council's social workers and the care workers it arranges)",
  'voluntary-sector': 'community groups (link workers and voluntary services)',
  'care-coordination': 'care coordination (your care coordinator and the partnership team)',
};

export function sectorWords(sector: string): string {
  return sectorPeople[sector] ?? sector.replace(/-/g, ' ');
}

/** The sector's short name, for a button. */
export function sectorShort(sector: string): string {
  return (sectorPeople[sector] ?? sector).replace(/ \(.*$/, '').replace(/-/g, ' ');
}
