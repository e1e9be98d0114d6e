import { definePolicy } from '@joined-up/kit';

/** What supporting the person day to day needs: the plan, the services, and who to call. */
const support = ['care-plan', 'services', 'allocated-worker', 'unpaid-carers', 'care-workers'] as const;
/** The person's social care record, every part of it. */
const care = ['requests', 'needs-assessments', 'carers-assessments', ...support, 'reviews'] as const;
/** What the person (or a carer they delegate to) may see or change of their own record. */
const own = [...care, 'access-log', 'sharing-decisions'] as const;

/**
 * Riverside Council Adult Social Care's access policy: the council decides here, and only here,
 * who sees which part of a person's social care record. Relationships come from the council's
 * own data: the allocation of the case to a social worker, a provider's care worker assigned to
 * the person, the care team the council records, and the caring links between people. The
 * README's table is written from this file.
 */
export const socialCarePolicy = definePolicy({
  sector: 'social-care',
  categories: [...own, 'allocation'],
  rules: [
    {
      roles: ['social-worker'],
      relationships: ['allocated'],
      categories: [...care, 'sharing-decisions', 'allocation'],
      sensitive: true,
      because:
        'The social worker holding the case is responsible for the ' +
        'whole of it, safeguarding included, and respects the ' +
        'person’s sharing decisions.',
    },
    {
      roles: ['social-worker'],
      relationships: ['carer-of-allocated', 'carers-assessor'],
      categories: ['requests', 'carers-assessments', 'services', 'allocated-worker', 'unpaid-carers'],
      because:
        'A carer’s assessment and support belong with the worker of ' +
        'the person cared for, or the worker who assessed the carer; ' +
        'the carer’s own needs assessments and plan do not.',
    },
    {
      roles: ['care-worker'],
      relationships: ['assigned-care-worker'],
      categories: support,
      because:
        'A care worker assigned to the person needs the plan they ' +
        'deliver, the services, and who to call; not assessments or ' +
        'reviews.',
    },
    {
      roles: ['gp', 'practice-nurse', 'diabetes-nurse', 'community-matron', 'district-nurse'],
      relationships: ['care-team'],
      categories: support,
      because:
        'Clinicians on the person’s care team need to know how the person is supported and by whom, to work with them.',
    },
    {
      roles: ['care-coordinator'],
      relationships: ['care-team'],
      categories: care,
      because:
        'The named care coordinator joins up the person’s whole plan ' +
        'across agencies; safeguarding entries stay with the ' +
        'allocated social worker.',
    },
    {
      roles: ['link-worker'],
      relationships: ['care-team'],
      categories: ['allocated-worker', 'care-plan'],
      because:
        'A link worker on the care team needs what the person wants from their plan and who their social worker is.',
    },
    {
      roles: ['privacy-officer'],
      relationships: ['agency-privacy-officer'],
      categories: ['access-log'],
      because:
        'The council’s privacy officer reviews who has seen a person’s record, when the person raises a concern.',
    },
  ],
  self: own,
  delegable: own,
  breakGlass: { roles: ['social-worker', 'gp'], categories: support },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOLA1'],
  // What the council tells a caller of their own relationships, when another agency asks on the caller's behalf.
  discloses: [
    {
      roles: ['social-worker'],
      relationships: ['allocated'],
      because: 'A social worker knows whose cases the council has allocated to them: it is their own caseload.',
    },
    {
      roles: ['care-worker'],
      relationships: ['assigned-care-worker'],
      because: 'A care worker knows whom the council has assigned them to support: it is their own rota.',
    },
    {
      roles: ['person', 'carer'],
      relationships: ['unpaid-carer'],
      because: 'The person, and the carer acting for them, know who the council records as the person’s unpaid carer.',
    },
  ],
});
