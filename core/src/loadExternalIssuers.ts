import type { Env } from './config.ts';

/** Who an external issuer signs in: staff (an NHS CIS2-style issuer) or citizens (NHS login-style). */
export type IssuerKind = 'staff' | 'citizen';

/** Where, in an issuer's token, each thing a caller is made of is found. */
export interface ClaimMapping {
  /** The caller's stable identifier. @default "sub" */
  subject: string;
  /** Their display name; unset or absent, staff show their subject, citizens their given and family names. */
  name: string;
  /** Staff: the issuer's role code, translated by `roles`. */
  role: string;
  /** Staff: the organisation's ODS code. */
  organisationCode: string;
  /** Staff: the organisation's name; absent in the token, the ODS code stands for it. */
  organisationName: string;
  /** Staff: the organisation's sector; absent in the token, the issuer's `sector`. */
  sector: string;
  /** Citizens: the person's NHS number. */
  nhsNumber: string;
  /** Citizens: how well their identity was proved (P0, P5, P9). */
  identityLevel: string;
}

/** A real OpenID Connect issuer whose tokens the services accept beside the configured one. */
export interface ExternalIssuer {
  kind: IssuerKind;
  /** Expected `iss` claim; tokens are matched to an issuer by it. */
  issuer: string;
  /** Expected `aud` claim. */
  audience: string;
  /** The issuer's own key set: a token is checked against its issuer's keys alone. */
  jwksUrl: string;
  claims: ClaimMapping;
  /** Staff: the issuer's role codes and the partnership's role each stands for; any other is refused. */
  roles: Record<string, string>;
  /** Staff: the sector of an organisation whose token says none. */
  sector: string;
  /** Citizens: the lowest identity level that may see a record. @default "P9" */
  minimumIdentityLevel: string;
}

// A CIS2 token lists the user's role profiles; the one they selected at sign-in is the one in use.
const selectedRole = 'nhsid_nrbac_roles[person_roleid=selected_roleid]';

/** The claims each kind of issuer uses unless configured otherwise: CIS2's and NHS login's names. */
export const defaultClaimMappings: Record<IssuerKind, ClaimMapping> = {
  staff: {
    subject: 'sub',
    name: 'name',
    role: `${selectedRole}.role_code`,
    organisationCode: `${selectedRole}.org_code`,
    organisationName: `${selectedRole}.org_name`,
    sector: 'sector',
    nhsNumber: '',
    identityLevel: '',
  },
  citizen: {
    subject: 'sub',
    name: 'name',
    role: '',
    organisationCode: '',
    organisationName: '',
    sector: '',
    nhsNumber: 'nhs_number',
    identityLevel: 'identity_proofing_level',
  },
};

const identityLevels = ['P0', 'P5', 'P9'];
const rolePattern = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Reads JOINED_UP_STAFF_* and JOINED_UP_CITIZEN_*: for each kind, an issuer, audience and key set
 * (all three, or none), the claim mapping (`field=claim.path` pairs separated by commas, overriding
 * the defaults), and for staff the role translation (`code=role` pairs) and default sector, for
 * citizens the lowest identity level accepted.
 */
export function loadExternalIssuers(env: Env, problems: string[]): ExternalIssuer[] {
  const issuers: ExternalIssuer[] = [];
  for (const kind of ['staff', 'citizen'] as const) {
    const prefix = `JOINED_UP_${kind.toUpperCase()}`;
    // Every setting is read whether or not the issuer is configured, so that none goes unnoticed.
    const [issuer, audience, jwksUrl, mapping] = ['ISSUER', 'AUDIENCE', 'JWKS_URL', 'CLAIMS'].map(
      (name) => env[`${prefix}_${name}`],
    );
    const setting =
      kind === 'staff'
        ? { roles: env['JOINED_UP_STAFF_ROLES'], sector: env['JOINED_UP_STAFF_SECTOR'] }
        : { level: env['JOINED_UP_CITIZEN_MINIMUM_LEVEL'] };
    if (!issuer && !audience && !jwksUrl) continue;
    if (!issuer || !audience || !jwksUrl || !isHttpUrl(jwksUrl)) {
      problems.push(`${prefix}_ISSUER, ${prefix}_AUDIENCE and ${prefix}_JWKS_URL (a URL) must be set together`);
      continue;
    }
    const claims = { ...defaultClaimMappings[kind], ...parsePairs(mapping, `${prefix}_CLAIMS`, problems) };
    const unknown = Object.keys(claims).filter((field) => !(field in defaultClaimMappings[kind]));
    if (unknown.length > 0) problems.push(`${prefix}_CLAIMS names no caller field ${unknown.join(', ')}`);
    const roles = kind === 'staff' ? parsePairs(setting.roles, 'JOINED_UP_STAFF_ROLES', problems) : {};
    if (kind === 'staff' && Object.keys(roles).length === 0)
      problems.push("JOINED_UP_STAFF_ROLES must map the staff issuer's role codes to roles (R8000=gp,...)");
    const badRoles = Object.values(roles).filter((role) => !rolePattern.test(role));
    if (badRoles.length > 0) problems.push(`JOINED_UP_STAFF_ROLES maps to roles that are not slugs: ${badRoles}`);
    const minimumIdentityLevel = setting.level || 'P9';
    if (!identityLevels.includes(minimumIdentityLevel))
      problems.push(`JOINED_UP_CITIZEN_MINIMUM_LEVEL must be one of ${identityLevels}, got "${minimumIdentityLevel}"`);
    const sector = setting.sector || 'health';
    if (!rolePattern.test(sector))
      problems.push(`JOINED_UP_STAFF_SECTOR must be a sector such as health, got "${sector}"`);
    issuers.push({
      kind,
      issuer,
      audience,
      jwksUrl,
      claims: claims as ClaimMapping,
      roles,
      sector,
      minimumIdentityLevel,
    });
  }
  return issuers;
}

/** Whether identity level `level` is at least `minimum` (P0 < P5 < P9); an unknown level is not. */
export function meetsIdentityLevel(level: unknown, minimum: string): boolean {
  return (
    typeof level === 'string' &&
    identityLevels.includes(level) &&
    identityLevels.indexOf(level) >= identityLevels.indexOf(minimum)
  );
}

/** `a=b,c=d` as { a: 'b', c: 'd' }. */
function parsePairs(raw: string | undefined, name: string, problems: string[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = item.indexOf('=');
    if (at < 1 || at === item.length - 1) {
      problems.push(`${name} must be name=value pairs separated by commas, got "${item}"`);
      continue;
    }
    pairs[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return pairs;
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s]+$/.test(value);
}
