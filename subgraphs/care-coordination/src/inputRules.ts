import { createError, isIsoDate, type Caller } from '@joined-up/kit';

/**
 * Refuses one argument, or one field of a mutation's input, named by its path as the client wrote it (`input.dueOn`).
 */
export function invalid(path: string, message: string): never {
  throw createError('BAD_USER_INPUT', `${path.includes('.') ? 'Field' : 'Argument'} "${path}" ${message}`, {
    argumentName: path,
  });
}

/** A required piece of text, trimmed, 1 to `max` characters. */
export function requireText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) invalid(field, 'must not be empty.');
  if (text.length > max) invalid(field, `must be at most ${max} characters.`);
  return text;
}

/** Optional text: null when omitted or blank, else as requireText. */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return requireText(value, field, max);
}

/** A list of texts, 1 (or `min`) to `maxItems` items of at most `max` characters each. */
export function requireTexts(
  value: unknown,
  field: string,
  limits: { min: number; maxItems: number; max: number },
): string[] {
  if (!Array.isArray(value)) invalid(field, 'must be a list.');
  if (value.length < limits.min || value.length > limits.maxItems)
    invalid(field, `must have ${limits.min} to ${limits.maxItems} entries.`);
  return value.map((item, index) => requireText(item, `${field}[${index}]`, limits.max));
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function requireDate(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    !isIsoDate(value) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    invalid(field, 'must be a date in the form YYYY-MM-DD.');
  }
  return value;
}

/** Today's date in UTC, as the partnership's dates are kept. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A positive whole number the client read from the plan. */
export function requireVersion(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    invalid('input.expectedVersion', 'must be the plan version you read, a whole number from 1.');
  return value;
}

/** One of an enum's values, as GraphQL has already checked; kept for direct callers of the resolvers. */
export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    invalid(field, `must be one of ${allowed.join(', ')}.`);
  return value as T;
}

const roleTitles: Record<string, string> = {
  gp: 'GP',
  'practice-nurse': 'Practice nurse',
  'diabetes-nurse': 'Diabetes specialist nurse',
  'community-matron': 'Community matron',
  'district-nurse': 'District nurse',
  'social-worker': 'Social worker',
  'care-worker': 'Support worker',
  'registered-manager': 'Registered manager',
  'link-worker': 'Social prescribing link worker',
  'carer-support-worker': "Carers' support worker",
  'care-coordinator': 'Care coordinator',
  person: 'The person',
  carer: 'Carer acting for the person',
};

/** The provenance columns of a change the caller makes now. */
export function recordedByCaller(caller: Caller) {
  return {
    recordedById: caller.subject,
    recordedByName: caller.name,
    recordedByRole: roleTitles[caller.role] ?? caller.role,
    organisationCode: caller.organisation.code,
    organisationName: caller.organisation.name,
    recordedAt: new Date().toISOString(),
  };
}
