import { defaultClaimMappings } from '@joined-up/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';
import {
  cis2StyleClaims,
  nhsLoginStyleClaims,
  type OidcIssuer,
  staffRoleCodes,
  startOidcIssuer,
} from './startOidcIssuer.ts';

const record = `{ person(nhsNumber: "9990000018") {
  name { full } dateOfBirth problems { code { code display } } medications { name } } }`;

// Until now every service trusted one issuer with this repository's own claims: a real staff
// (CIS2) or citizen (NHS login) sign-in could not be used at all.
describe('staff and citizens signed in by real OIDC issuers, through the gateway and every agency', () => {
  let staff: OidcIssuer;
  let citizens: OidcIssuer;
  let federation: TestFederation;
  beforeAll(async () => {
    staff = await startOidcIssuer('cis2', 'joined-up-staff');
    citizens = await startOidcIssuer('nhs-login', 'joined-up-citizens');
    const common = { roles: {}, sector: 'health', minimumIdentityLevel: 'P9' };
    federation = await startFederationForTest({
      people: 50,
      externalIssuers: [
        {
          ...common,
          kind: 'staff',
          issuer: staff.url,
          audience: 'joined-up-staff',
          jwksUrl: staff.jwksUrl,
          claims: defaultClaimMappings.staff,
          roles: Object.fromEntries(staffRoleCodes.split(',').map((pair) => pair.split('=') as [string, string])),
        },
        {
          ...common,
          kind: 'citizen',
          issuer: citizens.url,
          audience: 'joined-up-citizens',
          jwksUrl: citizens.jwksUrl,
          claims: defaultClaimMappings.citizen,
        },
      ],
    });
  });
  afterAll(async () => {
    await federation?.stop();
    await staff?.stop();
    await citizens?.stop();
  });

  const ask = (token: string) => graphqlRequest(federation.gatewayUrl, { query: record, token });

  it("gives Sam's GP signed in with CIS2 what the same GP sees, every agency deciding on the mapped role", async () => {
    const viaCis2 = await ask(await staff.sign(cis2StyleClaims));
    expect(viaCis2.status).toBe(200);
    expect(viaCis2.body.errors).toBeUndefined();
    expect(viaCis2.body).toEqual((await federation.query('gp', record)).body);
    expect((viaCis2.body.data as { person: { problems: unknown[] } }).person.problems.length).toBeGreaterThan(0);
  });

  it('gives Sam signed in with NHS login his own record, as the person it was proved for', async () => {
    const viaNhsLogin = await ask(await citizens.sign(nhsLoginStyleClaims));
    expect(viaNhsLogin.status).toBe(200);
    expect(viaNhsLogin.body).toEqual((await federation.query('sam', record)).body);
    expect((viaNhsLogin.body.data as { person: { name: { full: string } } }).person.name.full).toBe('Sam Taylor');
  });

  it("refuses a token signed with the other issuer's key, or proved too weakly, with 401", async () => {
    const refused = {
      'citizen key, staff issuer': await ask(
        await citizens.sign(cis2StyleClaims, { issuer: staff.url, audience: 'joined-up-staff' }),
      ),
      'staff key, citizen issuer': await ask(
        await staff.sign(nhsLoginStyleClaims, { issuer: citizens.url, audience: 'joined-up-citizens' }),
      ),
      'identity proved to P5': await ask(
        await citizens.sign({ ...nhsLoginStyleClaims, identity_proofing_level: 'P5' }),
      ),
      'an unmapped CIS2 role': await ask(await staff.sign({ ...cis2StyleClaims, selected_roleid: '555021935106' })),
    };
    expect(
      Object.fromEntries(
        Object.entries(refused).map(([name, { status, body }]) => [
          name,
          [status, body.data, body.errors?.map((error) => error.extensions?.['code'])],
        ]),
      ),
    ).toEqual(Object.fromEntries(Object.keys(refused).map((name) => [name, [401, undefined, ['UNAUTHENTICATED']]])));
  });
});
