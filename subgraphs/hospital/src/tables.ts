import { governanceTables, provenanceColumns } from '@joined-up/kit';
import { date, index, pgTable, text } from 'drizzle-orm/pg-core';

/** What Riverside University Hospitals NHS Foundation Trust does for a person: one row a piece of support, with who recorded it. */
export const supports = pgTable(
  'supports',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    summary: text('summary').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    ...provenanceColumns(),
  },
  (table) => [index('supports_person_idx').on(table.nhsNumber, table.startedOn.desc())],
);

/** The agency's drizzle schema: its own tables and the kit's (audit, sharing decisions, care team). */
export const tables = { ...governanceTables, supports };
export type HospitalTables = typeof tables;
