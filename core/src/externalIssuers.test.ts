import {
  cis2StyleClaims,
  nhsLoginStyleClaims,
  type OidcIssuer,
  staffRoleCodes,
  startOidcIssuer,
} from '@joined-up/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentityConfig, type IdentityConfig } from './config.ts';
import { createTokenVerifier, type TokenVerifier } from './createTokenVerifier.ts';

const dr = cis2StyleClaims;
const sam = nhsLoginStyleClaims;

describe('staff and citizens signing in with real OIDC issuers', () => {
  let staff: OidcIssuer;
  let citizens: OidcIssuer;
  let identity: IdentityConfig;
  let verify: TokenVerifier;
  beforeAll(async () => {
    staff = await startOidcIssuer('cis2', 'joined-up-staff');
    citizens = await startOidcIssuer('nhs-login', 'joined-up-citizens');
    const problems: string[] = [];
    identity = loadIdentityConfig(
      {
        JOINED_UP_STAFF_ISSUER: staff.url,
        JOINED_UP_STAFF_AUDIENCE: 'joined-up-staff',
        JOINED_UP_STAFF_JWKS_URL: staff.jwksUrl,
        JOINED_UP_STAFF_ROLES: staffRoleCodes,
        JOINED_UP_STAFF_CLAIMS: 'organisationName=org_name',
        JOINED_UP_CITIZEN_ISSUER: citizens.url,
        JOINED_UP_CITIZEN_AUDIENCE: 'joined-up-citizens',
        JOINED_UP_CITIZEN_JWKS_URL: citizens.jwksUrl,
      },
      problems,
    );
    expect(problems).toEqual([]);
    verify = createTokenVerifier(identity);
  });
  afterAll(async () => {
    await staff?.stop();
    await citizens?.stop();
  });

  const refusal = async (token: string) =>
    verify(`Bearer ${token}`).then(
      () => 'accepted',
      (error: { message: string; extensions: { code: string } }) => `${error.extensions.code}: ${error.message}`,
    );

  it("makes a member of staff from the role profile they selected: the partnership's role, the ODS code", async () => {
    const token = await staff.sign(dr);
    expect(await verify(`Bearer ${token}`)).toEqual({
      subject: 'w-gp-shah',
      name: 'Dr Priya Shah',
      role: 'gp',
      // No organisation name in the token: its ODS code stands for it.
      organisation: { code: 'DEMOP1', name: 'DEMOP1', sector: 'health' },
      actsFor: undefined,
      scopes: ['record:read', 'record:write'],
      purpose: 'direct-care',
      token,
    });
  });

  it('makes a citizen acting for the NHS number their identity was proved for', async () => {
    const token = await citizens.sign(sam);
    expect(await verify(`Bearer ${token}`)).toEqual({
      subject: sam.sub,
      name: 'Sam Taylor',
      role: 'person',
      organisation: { code: 'CITIZEN', name: 'Citizen access', sector: 'citizen' },
      actsFor: '9990000018',
      scopes: ['record:read:own', 'record:consent:own'],
      purpose: 'direct-care',
      token,
    });
  });

  it("checks each token against its own issuer's keys alone", async () => {
    // Signed with the citizen issuer's key, claiming to come from the staff issuer.
    expect(await refusal(await citizens.sign(dr, { issuer: staff.url, audience: 'joined-up-staff' }))).toBe(
      'UNAUTHENTICATED: The bearer token was refused: it is signed with a key the issuer does not publish.',
    );
    expect(await refusal(await staff.sign(sam, { issuer: citizens.url, audience: 'joined-up-citizens' }))).toBe(
      'UNAUTHENTICATED: The bearer token was refused: it is signed with a key the issuer does not publish.',
    );
    // Each issuer's own audience: a staff token presented to the citizens' audience is not accepted.
    expect(await refusal(await staff.sign(dr, { audience: 'joined-up-citizens' }))).toBe(
      'UNAUTHENTICATED: The bearer token was refused: its "aud" claim is not accepted.',
    );
    expect(await refusal(await staff.sign(dr, { issuer: 'https://unknown.example' }))).toBe(
      'UNAUTHENTICATED: The bearer token was refused: its "iss" claim is not accepted.',
    );
  });

  it('refuses what the claim mapping cannot make a caller of, saying why', async () => {
    const refusals = {
      'a role the partnership does not map': await refusal(
        await staff.sign({ ...dr, selected_roleid: '555021935106' }),
      ),
      'no selected role profile': await refusal(await staff.sign({ ...dr, selected_roleid: undefined })),
      'a role without an organisation': await refusal(
        await staff.sign({
          ...dr,
          nhsid_nrbac_roles: [{ person_roleid: '555021935107', role_code: 'S8000:G8000:R8000' }],
        }),
      ),
      'identity proved only to P5': await refusal(await citizens.sign({ ...sam, identity_proofing_level: 'P5' })),
      'no identity level': await refusal(await citizens.sign({ ...sam, identity_proofing_level: undefined })),
      'an NHS number failing its check digit': await refusal(await citizens.sign({ ...sam, nhs_number: '9990000017' })),
    };
    const refused = (reason: string) => `UNAUTHENTICATED: The bearer token was refused: ${reason}.`;
    expect(refusals).toEqual({
      'a role the partnership does not map': refused('its role S8002:G8003:R8008 is not one the partnership maps'),
      'no selected role profile': refused('it has no role claim'),
      'a role without an organisation': refused('it has no organisation (ODS code) claim'),
      'identity proved only to P5': refused('its identity was proved to P5, and a record needs P9'),
      'no identity level': refused('its identity was proved to no level, and a record needs P9'),
      'an NHS number failing its check digit': refused('it has no valid "nhs_number" claim'),
    });
  });

  it('takes the claim mapping from configuration, reporting every problem together', () => {
    const problems: string[] = [];
    const mapped = loadIdentityConfig(
      {
        JOINED_UP_STAFF_ISSUER: staff.url,
        JOINED_UP_STAFF_AUDIENCE: 'a',
        JOINED_UP_STAFF_JWKS_URL: staff.jwksUrl,
        JOINED_UP_STAFF_ROLES: 'R8000=gp',
        JOINED_UP_STAFF_CLAIMS: 'role=access.role_code, organisationCode=odsCode',
        JOINED_UP_STAFF_SECTOR: 'social-care',
      },
      problems,
    );
    expect(problems).toEqual([]);
    expect(mapped.externalIssuers?.[0]).toMatchObject({
      kind: 'staff',
      claims: { role: 'access.role_code', organisationCode: 'odsCode', subject: 'sub' },
      roles: { R8000: 'gp' },
      sector: 'social-care',
    });
    loadIdentityConfig(
      {
        JOINED_UP_STAFF_ISSUER: staff.url,
        JOINED_UP_STAFF_CLAIMS: 'colour=blue,nonsense',
        JOINED_UP_CITIZEN_ISSUER: citizens.url,
        JOINED_UP_CITIZEN_AUDIENCE: 'b',
        JOINED_UP_CITIZEN_JWKS_URL: citizens.jwksUrl,
        JOINED_UP_CITIZEN_MINIMUM_LEVEL: 'P7',
      },
      problems,
    );
    expect(problems).toEqual([
      'JOINED_UP_STAFF_ISSUER, JOINED_UP_STAFF_AUDIENCE and JOINED_UP_STAFF_JWKS_URL (a URL) must be set together',
      'JOINED_UP_CITIZEN_MINIMUM_LEVEL must be one of P0,P5,P9, got "P7"',
    ]);
  });
});
