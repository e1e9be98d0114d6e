/** The parts of a record an access log names, as a person would say them; others are named as they are. */
const categoryWords: Record<string, string> = {
  demographics: 'your details',
  problems: 'your conditions',
  medications: 'your medicines',
  allergies: 'your allergies',
  alerts: 'your alerts',
  'individual-requirements': 'what people need to know',
  encounters: 'your appointments',
  clinicians: 'who treats you',
  'care-plan': 'your care plan',
  services: 'your support',
  'allocated-worker': 'your social worker',
  'unpaid-carers': 'your carers',
  'care-workers': 'your care workers',
  requests: 'your requests for support',
  'needs-assessments': 'your assessments',
  'carers-assessments': "your carer's assessments",
  reviews: 'your reviews',
  'sharing-decisions': 'your sharing choices',
  referrals: 'your referrals',
  'own-referrals': 'your referrals',
  'what-matters': 'what matters to you',
  engagements: 'your sessions',
  'care-team': 'your care team',
  skills: "your care workers' training",
  timeline: 'your timeline',
  experience: 'how your care is going',
  'access-log': 'who has seen your record',
  stays: 'your hospital stays',
  diagnoses: 'why you were in hospital',
  'discharge-summaries': 'your discharge summaries',
  'break-glass-review': 'the review of an emergency access',
};

const roleWords: Record<string, string> = {
  gp: 'GP',
  'practice-nurse': 'Practice nurse',
  'diabetes-nurse': 'Diabetes nurse',
  'social-worker': 'Social worker',
  'care-worker': 'Care worker',
  'link-worker': 'Link worker',
  'care-coordinator': 'Care coordinator',
  'privacy-officer': 'Privacy officer',
  person: 'The person',
  carer: 'Carer',
};

/** "your medicines and your alerts", with "your" as the carer reads it ("Sam's"). */
export function categoriesInWords(categories: readonly string[], your: string): string {
  const words = [...new Set(categories.map((category) => categoryWords[category] ?? category.replace(/-/g, ' ')))];
  const named = words.map((word) => word.replace(/^your\b/, your).replace(/\byou\b/, your === 'your' ? 'you' : 'them'));
  if (named.length === 0) return `${your} record`;
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

export function roleInWords(role: string): string {
  const words = roleWords[role] ?? role.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
