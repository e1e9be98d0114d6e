import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { callerFromIssuerClaims } from './callerFromIssuerClaims.ts';
import type { Caller, CallerOrganisation } from './Caller.ts';
import type { IdentityConfig } from './config.ts';
import { createRequestError } from './errorCodes.ts';

/** Checks an Authorization header and returns the verified caller, or throws UNAUTHENTICATED. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

// Asymmetric algorithms only: accepting HS256 would let anyone holding the public key forge
// tokens, and "none" is never acceptable.
const allowedAlgorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
// A sector is a slug (health, social-care, citizen, ...): data the partnership names, checked for
// shape here and against the partnership's list by whoever decides on it.
const sectorPattern = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Builds a verifier bound to the configured issuer's JWKS and each external issuer's own. A token
 * is checked against the keys of the issuer its `iss` names and no other, so one issuer's keys never
 * vouch for another's tokens; an `iss` that names none is checked as the configured issuer's (and
 * refused for its issuer). Key sets are fetched lazily, cached, and re-fetched when a token names an
 * unknown key id, so key rotation needs no restart.
 */
export function createTokenVerifier(identity: IdentityConfig): TokenVerifier {
  const keySet = (url: string) =>
    createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  const keys = keySet(identity.jwksUrl);
  const external = new Map(
    (identity.externalIssuers ?? []).map((issuer) => [issuer.issuer, { issuer, keys: keySet(issuer.jwksUrl) }]),
  );
  return async (authorization) => {
    const token = bearerToken(authorization);
    const claimed = claimedIssuer(token);
    const other = claimed === identity.issuer ? undefined : external.get(claimed ?? '');
    // An issuer no one configured is refused as the configured issuer would refuse it, without
    // fetching anyone's keys for it.
    if (claimed !== undefined && claimed !== identity.issuer && !other)
      throw createRequestError('UNAUTHENTICATED', 'The bearer token was refused: its "iss" claim is not accepted.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, other?.keys ?? keys, {
        issuer: other?.issuer.issuer ?? identity.issuer,
        audience: other?.issuer.audience ?? identity.audience,
        algorithms: allowedAlgorithms,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw createRequestError(
        'UNAUTHENTICATED',
        `The bearer token was refused: ${describeJoseError(error)}.`,
        {},
        error,
      );
    }
    return other ? callerFromIssuerClaims(payload, other.issuer, token) : callerFromClaims(payload, token);
  };
}

/** The `iss` a token claims, read before it is verified only to choose whose keys verify it. */
function claimedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    throw createRequestError(
      'UNAUTHENTICATED',
      'Sign in first: send an Authorization header of the form "Bearer <token>".',
    );
  }
  return match[1];
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'it is signed with a key the issuer does not publish';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its signing algorithm is not allowed';
  if (error instanceof joseErrors.JWKSTimeout || (error as { code?: string }).code === 'ERR_JOSE_GENERIC') {
    return 'the identity provider could not be reached to check it';
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid)
    return 'it is not a well-formed JWT';
  return 'it could not be verified';
}

/** Maps verified JWT claims to a Caller, refusing tokens that lack the claims policies need. */
export function callerFromClaims(payload: JWTPayload, token: string): Caller {
  const organisation = payload['organisation'] as Partial<CallerOrganisation> | undefined;
  const role = payload['role'];
  if (
    typeof role !== 'string' ||
    typeof organisation?.code !== 'string' ||
    typeof organisation.name !== 'string' ||
    typeof organisation.sector !== 'string' ||
    !sectorPattern.test(organisation.sector)
  ) {
    throw createRequestError(
      'UNAUTHENTICATED',
      'The bearer token was refused: it lacks the role or organisation claims.',
    );
  }
  const actsFor = payload['acts_for'];
  const scope = payload['scope'];
  return {
    subject: payload.sub as string,
    name: typeof payload['name'] === 'string' ? payload['name'] : (payload.sub as string),
    role,
    organisation: { code: organisation.code, name: organisation.name, sector: organisation.sector },
    actsFor: typeof actsFor === 'string' ? actsFor : undefined,
    scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
    purpose: typeof payload['purpose'] === 'string' ? payload['purpose'] : undefined,
    token,
  };
}
