import { text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The columns that record who wrote an entry, in which organisation and when. Every clinical
 * and care table spreads these in, so provenance cannot be forgotten on a new table.
 */
export function provenanceColumns() {
  return {
    recordedById: text('recorded_by_id').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedByRole: text('recorded_by_role').notNull(),
    organisationCode: text('organisation_code').notNull(),
    organisationName: text('organisation_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  };
}

/** A row carrying provenance columns. */
export interface ProvenanceRow {
  recordedByName: string;
  recordedByRole: string;
  organisationCode: string;
  organisationName: string;
  recordedAt: string;
}

/** The GraphQL Provenance object for a row. */
export function provenanceOf(row: ProvenanceRow) {
  return {
    recordedBy: row.recordedByName,
    recordedByRole: row.recordedByRole,
    organisation: { code: row.organisationCode, name: row.organisationName },
    recordedAt: new Date(row.recordedAt).toISOString(),
  };
}

/** Who recorded a seeded entry: a worker of the demo place, as provenance column values. */
export interface Recorder {
  id: string;
  name: string;
  jobTitle: string;
  organisationCode: string;
  organisationName: string;
}

export function recordedBy(recorder: Recorder, recordedAt: string) {
  return {
    recordedById: recorder.id,
    recordedByName: recorder.name,
    recordedByRole: recorder.jobTitle,
    organisationCode: recorder.organisationCode,
    organisationName: recorder.organisationName,
    recordedAt,
  };
}

/** A row with its GraphQL Provenance beside it, as every entry type resolves it. */
export function withProvenance<T extends ProvenanceRow>(row: T): T & { provenance: ReturnType<typeof provenanceOf> } {
  return { ...row, provenance: provenanceOf(row) };
}
