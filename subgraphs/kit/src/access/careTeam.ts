import { date, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Professionals of other agencies that this agency records on the person's care team (a care
 * worker at the practice, the GP at the council, the coordinator everywhere): a legitimate
 * relationship the agency's own data shows. Every agency includes this table in its schema.
 */
export const careTeam = pgTable(
  'care_team',
  {
    nhsNumber: text('nhs_number').notNull(),
    memberSubject: text('member_subject').notNull(),
    memberName: text('member_name').notNull(),
    role: text('role').notNull(),
    organisationCode: text('organisation_code').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.nhsNumber, table.memberSubject] }),
    index('care_team_member_idx').on(table.memberSubject),
  ],
);

/** A care-team row for a worker of the demo place (or any professional with these fields). */
export function careTeamMember(
  nhsNumber: string,
  member: { id: string; name: string; role: string; organisationCode: string },
  since: string,
): typeof careTeam.$inferInsert {
  return {
    nhsNumber,
    memberSubject: member.id,
    memberName: member.name,
    role: member.role,
    organisationCode: member.organisationCode,
    since,
  };
}
