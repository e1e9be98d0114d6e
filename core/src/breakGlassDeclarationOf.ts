import type { IncomingHttpHeaders } from 'node:http';
import { createRequestError } from './errorCodes.ts';
import { isValidNhsNumber } from './nhsNumber.ts';

/** An emergency declared by a professional: whose record it opens, and why. */
export interface BreakGlassDeclaration {
  /** The one person whose record the emergency is about; nobody else in the request is affected. */
  nhsNumber: string;
  /** Why, in the professional's words (10 to 500 characters), for the audit and the privacy officer. */
  reason: string;
}

/** The header a professional declares an emergency in: `x-break-glass: <NHS number>; <reason>`. */
export const breakGlassHeader = 'x-break-glass';

const minimumReason = 10;
const maximumReason = 500;

/**
 * The emergency declared in a request's `x-break-glass` header, or undefined when none is. A
 * declaration names one person and its reason, so that it opens that person's record and no one
 * else's however many people the request asks for. A header that does not say both clearly is
 * refused (BAD_USER_INPUT naming the header) rather than ignored: a clinician in an emergency must
 * learn at once that nothing was declared. The header it replaces, `x-break-glass-reason`, named
 * no one; it is refused with what to send instead.
 */
export function breakGlassDeclarationOf(headers: IncomingHttpHeaders): BreakGlassDeclaration | undefined {
  if (headers['x-break-glass-reason'] !== undefined) {
    throw refused(
      'The x-break-glass-reason header no longer declares an emergency: send ' +
        '"x-break-glass: <NHS number>; <reason>", naming the one person it is for.',
    );
  }
  const raw = headers[breakGlassHeader];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' ? raw : '';
  const separator = value.indexOf(';');
  const nhsNumber = (separator === -1 ? value : value.slice(0, separator)).replace(/\s+/g, '');
  const reason = separator === -1 ? '' : value.slice(separator + 1).trim();
  if (!isValidNhsNumber(nhsNumber)) {
    throw refused(
      'The x-break-glass header must start with the NHS number of the person the emergency is about ' +
        '(10 digits with a correct Modulus 11 check digit), then a semicolon and the reason.',
    );
  }
  if (reason.length < minimumReason || reason.length > maximumReason) {
    throw refused(
      `The x-break-glass header's reason, after the NHS number and a semicolon, must be ` +
        `${minimumReason} to ${maximumReason} characters.`,
    );
  }
  return { nhsNumber, reason };
}

function refused(message: string) {
  return createRequestError('BAD_USER_INPUT', message, { argumentName: breakGlassHeader });
}
