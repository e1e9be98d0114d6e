import { date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The person's decisions not to share this agency's data with a sector, held by the agency
 * that holds the data. Every agency includes this table in its schema.
 */
export const sharingDecisions = pgTable(
  'sharing_decisions',
  {
    nhsNumber: text('nhs_number').notNull(),
    sector: text('sector').notNull(),
    decidedBySubject: text('decided_by_subject').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.nhsNumber, table.sector] })],
);

/** What the person has delegated to a carer acting for them, in this agency's record. */
export const delegations = pgTable(
  'delegations',
  {
    nhsNumber: text('nhs_number').notNull(),
    carerSubject: text('carer_subject').notNull(),
    categories: text('categories').array().notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.nhsNumber, table.carerSubject] }),
    index('delegations_carer_idx').on(table.carerSubject),
  ],
);
