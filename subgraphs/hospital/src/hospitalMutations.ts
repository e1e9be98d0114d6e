import { randomUUID } from 'node:crypto';
import {
  type Caller,
  createError,
  requireNhsNumber,
  runIdempotentWrite,
  type SubgraphContext,
  withProvenance,
} from '@joined-up/kit';
import { and, eq, isNull } from 'drizzle-orm';
import type { HospitalLoaders } from './createLoaders.ts';
import { admissions, diagnoses, dischargeSummaries, emergencyAttendances, type HospitalTables } from './tables.ts';

type Context = SubgraphContext<HospitalTables, HospitalLoaders>;
type Concept = { code: string; display: string };
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

function invalid(path: string, message: string): never {
  throw createError('BAD_USER_INPUT', `Field "${path}" ${message}`, { argumentName: path });
}

function text(value: unknown, path: string, max = 500): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0) invalid(path, 'must not be empty.');
  if (trimmed.length > max) invalid(path, `must be at most ${max} characters.`);
  return trimmed;
}

function oneOf(value: unknown, path: string, allowed: readonly string[]): string {
  if (typeof value !== 'string' || !allowed.includes(value)) invalid(path, `must be one of ${allowed.join(', ')}.`);
  return value;
}

function concept(value: Concept | undefined, path: string): Concept {
  const code = text(value?.code, `${path}.code`, 18);
  if (!/^\d{6,18}$/.test(code)) invalid(`${path}.code`, 'must be a SNOMED CT concept id (6 to 18 digits).');
  return { code, display: text(value?.display, `${path}.display`, 255) };
}

function recordedBy(caller: Caller) {
  return {
    recordedById: caller.subject,
    recordedByName: caller.name,
    recordedByRole: caller.role === 'ward-nurse' ? 'Ward nurse' : caller.role,
    organisationCode: caller.organisation.code,
    organisationName: caller.organisation.name,
    recordedAt: new Date().toISOString(),
  };
}

async function admissionById(context: Context, id: string) {
  const [row] = await context.db.select().from(admissions).where(eq(admissions.id, id));
  if (!row) invalid('input.admissionId', 'is not an admission the trust holds.');
  return { ...withProvenance(row), admittedAt: iso(row.admittedAt), dischargedAt: iso(row.dischargedAt) };
}

/**
 * The trust's writes: each checked against its policy like a read (the trust's own clinical staff
 * may record), validated before anything is written, applied once per idempotency key, and
 * announced to the care team through the outbox in the same transaction.
 */
export const hospitalMutations = {
  recordHospitalAdmission: async (
    _: unknown,
    { input }: { input: Record<string, unknown> & { reason?: Concept } },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input['nhsNumber'], 'input.nhsNumber');
    await context.access.require(nhsNumber, 'diagnoses');
    const values = {
      method: oneOf(input['method'], 'input.method', ['Emergency', 'Elective', 'Transfer']),
      ward: text(input['ward'], 'input.ward', 200),
      wardPhone: text(input['wardPhone'], 'input.wardPhone', 40),
      consultant: text(input['consultant'], 'input.consultant', 200),
      emergencyAttendanceId:
        input['emergencyAttendanceId'] === undefined || input['emergencyAttendanceId'] === null
          ? null
          : text(input['emergencyAttendanceId'], 'input.emergencyAttendanceId', 100),
    };
    const reason = concept(input.reason, 'input.reason');
    const { result, replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'recordHospitalAdmission',
        idempotencyKey: String(input['idempotencyKey'] ?? ''),
        input,
        nhsNumber,
        categories: ['stays', 'diagnoses'],
      },
      async (tx, events) => {
        const id = randomUUID();
        const recorded = recordedBy(context.caller);
        await tx.insert(admissions).values({ id, nhsNumber, ...values, admittedAt: recorded.recordedAt, ...recorded });
        await tx.insert(diagnoses).values({
          id: randomUUID(),
          nhsNumber,
          encounterId: id,
          ...reason,
          rank: 'primary',
          ...recorded,
        });
        events.record({ type: 'admission', recordId: id, occurredAt: recorded.recordedAt });
        return { admissionId: id };
      },
    );
    return { admission: await admissionById(context, result['admissionId']!), replayed };
  },

  recordHospitalDischarge: async (
    _: unknown,
    { input }: { input: Record<string, unknown> & { sections?: Array<{ heading: string; content: string }> } },
    context: Context,
  ) => {
    const admissionId = text(input['admissionId'], 'input.admissionId', 100);
    const [admission] = await context.db.select().from(admissions).where(eq(admissions.id, admissionId));
    // Admission ids are random: saying one is unknown tells a caller nothing about anyone.
    if (!admission) invalid('input.admissionId', 'is not an admission the trust holds.');
    await context.access.require(admission.nhsNumber, 'discharge-summaries');
    // A stay already ended is refused in the transaction, not here: a retry of the discharge that
    // ended it (its answer lost on the way) then replays that answer instead of conflicting.
    const destination = text(input['destination'], 'input.destination', 200);
    const sections = (input.sections ?? []).map((section, index) => ({
      heading: text(section.heading, `input.sections[${index}].heading`, 100),
      content: text(section.content, `input.sections[${index}].content`, 4000),
    }));
    if (sections.length === 0) invalid('input.sections', 'must hold the discharge summary’s headings.');
    const { replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'recordHospitalDischarge',
        idempotencyKey: String(input['idempotencyKey'] ?? ''),
        input,
        nhsNumber: admission.nhsNumber,
        categories: ['stays', 'discharge-summaries'],
      },
      async (tx, events) => {
        const recorded = recordedBy(context.caller);
        // Only a stay still open ends: a concurrent second discharge changes nothing, then conflicts.
        const ended = await tx
          .update(admissions)
          .set({ dischargedAt: recorded.recordedAt, dischargeDestination: destination })
          .where(and(eq(admissions.id, admissionId), isNull(admissions.dischargedAt)))
          .returning({ dischargedAt: admissions.dischargedAt });
        if (ended.length === 0) {
          throw createError('CONFLICT', 'This admission has already ended with a discharge.', {
            argumentName: 'input.admissionId',
          });
        }
        await tx
          .insert(dischargeSummaries)
          .values({ id: randomUUID(), nhsNumber: admission.nhsNumber, admissionId, sections, ...recorded });
        events.record({ type: 'discharge', recordId: admissionId, occurredAt: recorded.recordedAt });
        return { admissionId };
      },
    );
    return { admission: await admissionById(context, admissionId), replayed };
  },

  recordHospitalEmergencyAttendance: async (
    _: unknown,
    { input }: { input: Record<string, unknown> & { presentingComplaint?: Concept } },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input['nhsNumber'], 'input.nhsNumber');
    await context.access.require(nhsNumber, 'diagnoses');
    const arrivalMode = oneOf(input['arrivalMode'], 'input.arrivalMode', ['Ambulance', 'Walk-in', 'Other']);
    const complaint = concept(input.presentingComplaint, 'input.presentingComplaint');
    const { result, replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'recordHospitalEmergencyAttendance',
        idempotencyKey: String(input['idempotencyKey'] ?? ''),
        input,
        nhsNumber,
        categories: ['stays', 'diagnoses'],
      },
      async (tx, events) => {
        const id = randomUUID();
        const recorded = recordedBy(context.caller);
        await tx.insert(emergencyAttendances).values({
          id,
          nhsNumber,
          department: 'Riverside General Hospital Emergency Department',
          departmentPhone: '01632 960850',
          arrivalMode,
          arrivedAt: recorded.recordedAt,
          ...recorded,
        });
        await tx
          .insert(diagnoses)
          .values({ id: randomUUID(), nhsNumber, encounterId: id, ...complaint, rank: 'primary', ...recorded });
        events.record({ type: 'emergency-attendance', recordId: id, occurredAt: recorded.recordedAt });
        return { attendanceId: id };
      },
    );
    const [row] = await context.db
      .select()
      .from(emergencyAttendances)
      .where(eq(emergencyAttendances.id, result['attendanceId']!));
    return {
      attendance: { ...withProvenance(row!), arrivedAt: iso(row!.arrivedAt), departedAt: iso(row!.departedAt) },
      replayed,
    };
  },
};
