import { governanceTables, provenanceColumns } from '@joined-up/kit';
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A heading of a discharge summary (the PRSB eDischarge Summary standard) and what it says. */
export interface DischargeSummarySection {
  heading: string;
  content: string;
}

/**
 * Emergency department attendances: when the person arrived and left, how they came, and what
 * happened next. The presenting complaint is clinical, so it is held apart in `diagnoses`.
 */
export const emergencyAttendances = pgTable(
  'emergency_attendances',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    department: text('department').notNull(),
    departmentPhone: text('department_phone').notNull(),
    arrivalMode: text('arrival_mode').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true, mode: 'string' }).notNull(),
    departedAt: timestamp('departed_at', { withTimezone: true, mode: 'string' }),
    outcome: text('outcome'),
    ...provenanceColumns(),
  },
  (table) => [index('emergency_attendances_person_idx').on(table.nhsNumber, table.arrivedAt.desc())],
);

/**
 * Admissions: the ward the person is on and its phone, what the team needs to reach them. Why
 * they were admitted is clinical, held in `diagnoses`.
 */
export const admissions = pgTable(
  'admissions',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    method: text('method').notNull(),
    ward: text('ward').notNull(),
    wardPhone: text('ward_phone').notNull(),
    consultant: text('consultant').notNull(),
    /** The attendance the person was admitted from, when they came through the emergency department. */
    emergencyAttendanceId: text('emergency_attendance_id'),
    admittedAt: timestamp('admitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    dischargedAt: timestamp('discharged_at', { withTimezone: true, mode: 'string' }),
    dischargeDestination: text('discharge_destination'),
    ...provenanceColumns(),
  },
  (table) => [index('admissions_person_idx').on(table.nhsNumber, table.admittedAt.desc())],
);

/** The coded reason for an admission or attendance (SNOMED CT): what the hospital's policy guards most. */
export const diagnoses = pgTable(
  'diagnoses',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    /** The admission or attendance it belongs to. */
    encounterId: text('encounter_id').notNull(),
    code: text('code').notNull(),
    display: text('display').notNull(),
    /** primary, or secondary for a comorbidity that shaped the stay. */
    rank: text('rank').notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('diagnoses_person_idx').on(table.nhsNumber, table.recordedAt.desc())],
);

/** The discharge summary of an admission, under the PRSB headings, as sent to the GP. */
export const dischargeSummaries = pgTable(
  'discharge_summaries',
  {
    id: text('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    admissionId: text('admission_id').notNull(),
    sections: jsonb('sections').$type<DischargeSummarySection[]>().notNull(),
    ...provenanceColumns(),
  },
  (table) => [index('discharge_summaries_person_idx').on(table.nhsNumber, table.recordedAt.desc())],
);

/** The agency's drizzle schema: its own tables and the kit's (audit, sharing decisions, care team). */
export const tables = { ...governanceTables, emergencyAttendances, admissions, diagnoses, dischargeSummaries };
export type HospitalTables = typeof tables;
