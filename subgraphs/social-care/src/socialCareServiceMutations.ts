import { randomUUID } from 'node:crypto';
import {
  type Caller,
  createError,
  requireNhsNumber,
  runIdempotentWrite,
  type SubgraphContext,
  withProvenance,
} from '@joined-up/kit';
import { vocabulary } from '@joined-up/population';
import { and, eq, isNull } from 'drizzle-orm';
import type { SocialCareLoaders } from './createLoaders.ts';
import { organisations, services, type SocialCareTables } from './tables.ts';

type Context = SubgraphContext<SocialCareTables, SocialCareLoaders>;
type ServiceInput = Record<string, unknown>;

function invalid(path: string, message: string): never {
  throw createError('BAD_USER_INPUT', `Field "${path}" ${message}`, { argumentName: path });
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    invalid(path, `must be one of ${allowed.join(', ')}.`);
  return value as T;
}

function optionalOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | null {
  return value === undefined || value === null ? null : oneOf(value, path, allowed);
}

const today = () => new Date().toISOString().slice(0, 10);

/** A calendar date that is not in the future: a service is recorded as started or ended once it has. */
function pastDate(value: unknown, path: string): string {
  const date = typeof value === 'string' ? value : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    invalid(path, 'must be a date (YYYY-MM-DD).');
  if (date > today()) invalid(path, 'must not be in the future: record a service once it has started or ended.');
  return date;
}

function recordedBy(caller: Caller) {
  return {
    recordedById: caller.subject,
    recordedByName: caller.name,
    recordedByRole: caller.role === 'social-worker' ? 'Social worker' : caller.role,
    organisationCode: caller.organisation.code,
    organisationName: caller.organisation.name,
    recordedAt: new Date().toISOString(),
  };
}

async function serviceById(context: Context, id: string) {
  const [row] = await context.db.select().from(services).where(eq(services.id, id));
  return row ? withProvenance(row) : undefined;
}

/**
 * The council's writes of services: only the social worker the case is allocated to may record
 * them (the `allocation` part of the policy is theirs alone), validated in CLD terms before
 * anything is written, applied once per idempotency key, and announced to the care team
 * (social-care.service-started, social-care.service-ended) through the outbox in the same transaction.
 */
export const socialCareServiceMutations = {
  startSocialCareService: async (_: unknown, { input }: { input: ServiceInput }, context: Context) => {
    const nhsNumber = requireNhsNumber(input['nhsNumber'], 'input.nhsNumber');
    await context.access.require(nhsNumber, 'allocation');
    await context.access.require(nhsNumber, 'services');
    const providerCode =
      input['providerCode'] === undefined || input['providerCode'] === null ? null : String(input['providerCode']);
    if (providerCode !== null) {
      const [provider] = await context.db.select().from(organisations).where(eq(organisations.code, providerCode));
      if (provider?.kind !== 'provider') invalid('input.providerCode', 'is not a provider the council commissions.');
    }
    const hours = input['hoursPerWeek'];
    if (hours !== undefined && hours !== null && (typeof hours !== 'number' || !(hours > 0 && hours <= 168)))
      invalid('input.hoursPerWeek', 'must be more than 0 and at most 168.');
    const values = {
      serviceType: oneOf(input['serviceType'], 'input.serviceType', vocabulary.serviceTypes),
      serviceComponent: optionalOneOf(
        input['serviceComponent'],
        'input.serviceComponent',
        vocabulary.serviceComponents,
      ),
      supportSetting: optionalOneOf(input['supportSetting'], 'input.supportSetting', vocabulary.supportSettings),
      deliveryMechanism: optionalOneOf(
        input['deliveryMechanism'],
        'input.deliveryMechanism',
        vocabulary.deliveryMechanisms,
      ),
      primarySupportReason: optionalOneOf(
        input['primarySupportReason'],
        'input.primarySupportReason',
        vocabulary.primarySupportReasons,
      ),
      providerCode,
      hoursPerWeek: typeof hours === 'number' ? hours : null,
      startDate: pastDate(input['startDate'], 'input.startDate'),
    };
    const { result, replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'startSocialCareService',
        idempotencyKey: String(input['idempotencyKey'] ?? ''),
        input,
        nhsNumber,
        categories: ['services'],
      },
      async (tx, events) => {
        const id = randomUUID();
        await tx.insert(services).values({ id, nhsNumber, ...values, endDate: null, ...recordedBy(context.caller) });
        events.record({ type: 'service-started', recordId: id, occurredAt: `${values.startDate}T00:00:00.000Z` });
        return { serviceId: id };
      },
    );
    return { service: await serviceById(context, result['serviceId']!), replayed };
  },

  endSocialCareService: async (_: unknown, { input }: { input: ServiceInput }, context: Context) => {
    const serviceId = typeof input['serviceId'] === 'string' ? input['serviceId'].trim() : '';
    const service = serviceId ? await serviceById(context, serviceId) : undefined;
    // Service ids are random: saying one is unknown tells a caller nothing about anyone.
    if (!service) invalid('input.serviceId', 'is not a service the council holds.');
    await context.access.require(service.nhsNumber, 'allocation');
    await context.access.require(service.nhsNumber, 'services');
    const endDate = pastDate(input['endDate'], 'input.endDate');
    if (endDate < service.startDate) invalid('input.endDate', 'must not be before the service started.');
    // Checked in the transaction, not here: a retry of the ending that succeeded replays its answer.
    const ended = () => createError('CONFLICT', 'This service has already ended.', { argumentName: 'input.serviceId' });
    const { replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'endSocialCareService',
        idempotencyKey: String(input['idempotencyKey'] ?? ''),
        input,
        nhsNumber: service.nhsNumber,
        categories: ['services'],
      },
      async (tx, events) => {
        // Only a service still running ends: a concurrent second ending changes nothing, then conflicts.
        const changed = await tx
          .update(services)
          .set({ endDate })
          .where(and(eq(services.id, serviceId), isNull(services.endDate)))
          .returning({ id: services.id });
        if (changed.length === 0) throw ended();
        events.record({ type: 'service-ended', recordId: serviceId, occurredAt: `${endDate}T00:00:00.000Z` });
        return { serviceId };
      },
    );
    return { service: await serviceById(context, serviceId), replayed };
  },
};
