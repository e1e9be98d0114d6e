import type { JWTPayload } from 'jose';
import type { Caller } from './Caller.ts';
import { createRequestError } from './errorCodes.ts';
import { type ExternalIssuer, meetsIdentityLevel } from './loadExternalIssuers.ts';
import { isValidNhsNumber } from './nhsNumber.ts';
import { readClaim } from './readClaim.ts';

/** The organisation every citizen signs in as: the person themselves, not an agency's staff. */
export const citizenOrganisation = { code: 'CITIZEN', name: 'Citizen access', sector: 'citizen' };

const sectorPattern = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Makes a caller from a verified token of an external issuer, through the issuer's claim mapping.
 * Staff get the partnership's role their issuer's role code stands for, and the organisation
 * (ODS code) of the role profile in use; citizens act for the NHS number their identity was proved
 * for, at the issuer's minimum level or above. Anything missing or unmapped is refused with why.
 */
export function callerFromIssuerClaims(payload: JWTPayload, issuer: ExternalIssuer, token: string): Caller {
  const text = (path: string) => {
    const value = readClaim(payload, path);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const subject = text(issuer.claims.subject);
  if (!subject) throw refused(`it has no "${issuer.claims.subject}" claim`);
  if (issuer.kind === 'citizen') {
    const nhsNumber = text(issuer.claims.nhsNumber)?.replace(/\s/g, '');
    if (!nhsNumber || !isValidNhsNumber(nhsNumber)) throw refused(`it has no valid "${issuer.claims.nhsNumber}" claim`);
    const level = readClaim(payload, issuer.claims.identityLevel);
    if (!meetsIdentityLevel(level, issuer.minimumIdentityLevel))
      throw refused(
        `its identity was proved to ${typeof level === 'string' ? level : 'no level'}, ` +
          `and a record needs ${issuer.minimumIdentityLevel}`,
      );
    const given = text('given_name');
    const family = text('family_name');
    return {
      subject,
      name: text(issuer.claims.name) ?? ([given, family].filter(Boolean).join(' ') || subject),
      role: 'person',
      organisation: citizenOrganisation,
      actsFor: nhsNumber,
      scopes: ['record:read:own', 'record:consent:own'],
      purpose: 'direct-care',
      token,
    };
  }
  const code = text(issuer.claims.role);
  const role = code === undefined ? undefined : issuer.roles[code];
  if (!role) throw refused(code ? `its role ${code} is not one the partnership maps` : 'it has no role claim');
  const organisationCode = text(issuer.claims.organisationCode);
  if (!organisationCode) throw refused('it has no organisation (ODS code) claim');
  const sector = text(issuer.claims.sector) ?? issuer.sector;
  if (!sectorPattern.test(sector)) throw refused('its sector is not a sector');
  return {
    subject,
    name: text(issuer.claims.name) ?? subject,
    role,
    organisation: { code: organisationCode, name: text(issuer.claims.organisationName) ?? organisationCode, sector },
    actsFor: undefined,
    scopes: ['record:read', 'record:write'],
    purpose: 'direct-care',
    token,
  };
}

function refused(reason: string) {
  return createRequestError('UNAUTHENTICATED', `The bearer token was refused: ${reason}.`);
}
