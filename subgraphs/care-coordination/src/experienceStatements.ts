/** Where the statements come from. */
const source = 'National Voices, A narrative for person-centred coordinated care (2013)';

/**
 * The care-coordination "I statements" people are asked about, by stable code. The first is the
 * narrative's overarching statement; the rest are statements from its sections on communication,
 * care planning and carers. The codes are ours (the publication numbers none); the words are the
 * publication's.
 */
export const experienceStatements = [
  {
    code: 'NV-PLAN',
    text:
      'I can plan my care with people who work together to ' +
      'understand me and my carer(s), allow me control, and bring ' +
      'together services to achieve the outcomes important to me.',
    source,
  },
  { code: 'NV-STORY-ONCE', text: 'I tell my story once.', source },
  { code: 'NV-KNOW-COORDINATOR', text: 'I always know who is coordinating my care.', source },
  {
    code: 'NV-TEAM',
    text: 'The professionals involved with my care talk to each other. We all work as a team.',
    source,
  },
  {
    code: 'NV-CARER-SUPPORTED',
    text: 'My carer/family have their needs recognised and are given support to care for me.',
    source,
  },
] as const;

export type ExperienceStatementCode = (typeof experienceStatements)[number]['code'];

export function experienceStatement(code: string) {
  return experienceStatements.find((statement) => statement.code === code);
}

/** The answers that count as agreeing. */
export const agreeingAnswers = ['STRONGLY_AGREE', 'AGREE'] as const;
export const experienceAnswers = ['STRONGLY_AGREE', 'AGREE', 'NEUTRAL', 'DISAGREE', 'STRONGLY_DISAGREE'] as const;
