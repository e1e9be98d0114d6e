import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Caller, createLogger } from '@joined-up/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { definePolicy, type SubjectFacts } from './AgencyPolicy.ts';
import { createAccessControl } from './createAccessControl.ts';
import { createAuditTrail } from './createAuditTrail.ts';
import { decideAccess } from './decideAccess.ts';
import { createRelationshipsElsewhereLoader, relationshipsElsewhereOperation } from './relationshipsElsewhere.ts';
import { relationshipsWithCaller } from './relationshipsWithCaller.ts';

const policy = definePolicy({
  sector: 'health',
  categories: ['demographics', 'name', 'problems', 'medications'],
  rules: [
    {
      roles: ['social-worker'],
      relationships: ['care-team'],
      categories: ['demographics', 'problems'],
      because: 'on the care team',
    },
    {
      roles: ['social-worker'],
      relationships: ['social-care:allocated'],
      categories: ['demographics', 'problems'],
      because: 'allocated by the council',
    },
    { roles: ['person', 'carer'], relationships: ['social-care:unpaid-carer'], categories: ['name'], because: 'carer' },
  ],
  delegable: ['demographics'],
  breakGlass: { roles: [], categories: [] },
  privacyOfficerRoles: [],
  organisationCodes: ['ORG'],
  discloses: [{ roles: ['social-worker'], relationships: ['care-team'], because: 'their own work' }],
});

const caller = (role: string, actsFor?: string): Caller => ({
  subject: `user-${role}`,
  name: role,
  role,
  organisation: { code: 'ORG', name: 'Org', sector: role === 'person' || role === 'carer' ? 'citizen' : 'social-care' },
  actsFor,
  scopes: [],
  purpose: 'direct-care',
  token: `token-of-${role}`,
});
const facts = (relationships: string[] = []): SubjectFacts => ({
  relationships: new Set(relationships),
  declinedSectors: new Set(),
  delegated: new Set(),
});
const sam = '9990000018';
const mother = '9990000026';
const stranger = '9990000034';

describe('decisions on relationships another agency records', () => {
  it.each([
    ['social-worker', undefined, ['social-care:allocated'], sam, 'problems', 'allocated by the council'],
    ['social-worker', undefined, ['social-care:allocated'], sam, 'medications', undefined],
    ['social-worker', undefined, [], sam, 'demographics', undefined],
    ['person', sam, ['social-care:unpaid-carer'], mother, 'name', 'carer'],
    ['person', sam, ['social-care:unpaid-carer'], mother, 'demographics', undefined],
    ['carer', sam, ['social-care:unpaid-carer'], mother, 'name', 'carer'],
    ['carer', sam, [], mother, 'name', undefined],
    // The relationship is the agency's own name for it, never a bare kind from elsewhere.
    ['social-worker', undefined, ['allocated'], sam, 'problems', undefined],
  ])('%s acting for %s with %j: %s of %s', (role, actsFor, relationships, subject, category, basis) => {
    const decision = decideAccess(policy, caller(role, actsFor), subject, facts(relationships), category, undefined);
    expect(decision.allowed ? decision.basis : undefined).toBe(basis);
    if (decision.allowed) expect(decision.recordedElsewhere).toBe(relationships[0]);
  });

  it('a person still sees the whole of their own record', () => {
    expect(decideAccess(policy, caller('person', sam), sam, facts(), 'medications', undefined)).toMatchObject({
      allowed: true,
      basis: 'own record',
    });
  });
});

describe('the access control, with relationships recorded elsewhere', () => {
  const control = (loadElsewhere: (c: Caller, n: readonly string[]) => Promise<Map<string, ReadonlySet<string>>>) =>
    createAccessControl({
      policy,
      caller: caller('social-worker'),
      agencyName: 'Health',
      loadFacts: async (_caller, nhsNumbers) =>
        new Map(nhsNumbers.map((n) => [n, facts(n === stranger ? ['care-team'] : [])])),
      breakGlass: undefined,
      loadElsewhere,
    });

  it('asks once for every person of the request, and only when its own data refuses', async () => {
    const loadElsewhere = vi.fn(async () => new Map([[sam, new Set(['social-care:allocated'])]]));
    const access = control(loadElsewhere);
    const decisions = await Promise.all([
      access.decide(sam, 'demographics'),
      access.decide(mother, 'demographics'),
      access.decide(stranger, 'demographics'),
      access.decide(sam, 'problems'),
    ]);
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, false, true, true]);
    expect(loadElsewhere).toHaveBeenCalledTimes(1);
    expect(loadElsewhere.mock.calls[0]).toEqual([caller('social-worker'), [sam, mother]]);
    // No rule accepts another agency's record for medications: nobody is asked.
    await access.decide(mother, 'medications');
    expect(loadElsewhere).toHaveBeenCalledTimes(1);
  });

  it('refuses as before when the other agency cannot say', async () => {
    const access = control(async () => new Map());
    await expect(access.require(sam, 'demographics')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('what an agency tells a caller of their own relationships', () => {
  const context = (role: string, purpose = 'direct-care') => {
    const who = { ...caller(role), purpose };
    const access = createAccessControl({
      policy,
      caller: who,
      agencyName: 'Health',
      loadFacts: async (_caller, nhsNumbers) =>
        new Map(
          nhsNumbers.map((n) => [
            n,
            n === mother
              ? { ...facts(['care-team']), declinedSectors: new Set(['social-care']) }
              : facts(n === sam ? ['care-team', 'registered-practice'] : []),
          ]),
        ),
      breakGlass: undefined,
    });
    return { caller: who, access, audit: createAuditTrail(who, 'request-1') };
  };
  const sectors = ['health', 'social-care', 'care-coordination'];
  const tell = (asked: ReturnType<typeof context>, nhsNumbers: string[], forSector = 'social-care') =>
    relationshipsWithCaller(asked, policy, nhsNumbers, forSector, sectors);

  it('tells only the kinds its policy discloses to the role, and audits whom it told about', async () => {
    const asked = context('social-worker');
    expect(await tell(asked, [sam, stranger, sam])).toEqual([{ nhsNumber: sam, relationships: ['care-team'] }]);
    expect(asked.audit.rows()).toMatchObject([{ nhsNumber: sam, categories: ['relationships'] }]);
  });

  it('tells a role it discloses nothing to, or a caller not giving direct care, nothing', async () => {
    expect(await tell(context('gp'), [sam])).toEqual([]);
    expect(await tell(context('social-worker', 'research'), [sam])).toEqual([]);
  });

  it("leaves out a person who declined to share the agency's record with the asking sector", async () => {
    // Sam's mother declined to share health's record with social care: the answer is part of it.
    expect(await tell(context('social-worker'), [mother])).toEqual([]);
    expect(await tell(context('social-worker'), [mother], 'care-coordination')).toEqual([
      { nhsNumber: mother, relationships: ['care-team'] },
    ]);
  });

  it('refuses a sector the partnership does not list, or its own', async () => {
    for (const forSector of ['housing', 'health'])
      await expect(tell(context('social-worker'), [sam], forSector)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'forSector' },
      });
  });

  it('refuses more than 100 people at once', async () => {
    await expect(tell(context('social-worker'), Array(101).fill(sam))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumbers' },
    });
  });
});

describe('reading relationships through the gateway', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });
  const gateway = async (answer: (body: string, authorization: string | undefined) => unknown, delayMs = 0) => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        setTimeout(() => {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify(answer(body, request.headers.authorization)));
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  };
  const loaderFor = (url: string | undefined) =>
    createRelationshipsElsewhereLoader({
      agencyName: 'health',
      policy,
      gatewayUrl: () => url,
      timeoutMs: 200,
      logger: createLogger('health', 'silent'),
    })!;

  it("sends one registered operation with the caller's own token, keeping what the policy accepts", async () => {
    let seen: { body: string; authorization: string | undefined } | undefined;
    const url = await gateway((body, authorization) => {
      seen = { body, authorization };
      return {
        data: {
          socialCareRelationshipsWithCaller: [
            { nhsNumber: sam, relationships: ['allocated', 'carers-assessor'] },
            { nhsNumber: stranger, relationships: ['allocated'] },
          ],
        },
      };
    });
    const found = await loaderFor(url)(caller('social-worker'), [sam, mother], 'request-1');
    expect(found).toEqual(new Map([[sam, new Set(['social-care:allocated'])]]));
    expect(seen?.authorization).toBe('Bearer token-of-social-worker');
    expect(JSON.parse(seen!.body)).toEqual({
      query: relationshipsElsewhereOperation('health', policy),
      variables: { nhsNumbers: [sam, mother] },
    });
  });

  it('decides on its own data alone when the gateway is down, slow, or the agency answers null', async () => {
    expect(await loaderFor('http://127.0.0.1:9/graphql')(caller('social-worker'), [sam], 'r')).toEqual(new Map());
    const slow = await gateway(
      () => ({ data: { socialCareRelationshipsWithCaller: [{ nhsNumber: sam, relationships: ['allocated'] }] } }),
      1000,
    );
    expect(await loaderFor(slow)(caller('social-worker'), [sam], 'r')).toEqual(new Map());
  });

  it('answers nothing from an agency that is down', async () => {
    const url = await gateway(() => ({
      data: { socialCareRelationshipsWithCaller: null },
      errors: [{ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    }));
    expect(await loaderFor(url)(caller('social-worker'), [sam], 'r')).toEqual(new Map());
    expect(await loaderFor(undefined)(caller('social-worker'), [sam], 'r')).toEqual(new Map());
  });
});
