import { createLogger } from '@joined-up/core';
import { loadAgencyModules } from '@joined-up/dev';
import { encodeCursor, type RunningSubgraph, runSubgraph } from '@joined-up/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';

// An outside review sent impossible dates, NUL characters and forged cursor ids: each reached the
// database and came back an internal error whose text, in development, held the SQL and its values.
describe('bad input to a development subgraph', () => {
  let idp: TestIdentityProvider;
  let subgraph: RunningSubgraph;
  const ask = async (as: string, query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(subgraph.url, { query, variables, token: await idp.tokenFor(as) });
  const errorsOf = (body: Awaited<ReturnType<typeof ask>>['body']) =>
    body.errors?.map((error) => [error.extensions?.['code'], error.extensions?.['argumentName']]);
  beforeAll(async () => {
    idp = await startIdentityProvider();
    const [agency] = (await loadAgencyModules()).filter(({ module }) => module.agency.name === 'health');
    subgraph = await runSubgraph(agency!.module, {
      port: 0,
      identity: idp.identity,
      environment: 'development',
      seed: { people: 20 },
      logger: createLogger('health', 'silent'),
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await idp?.stop();
  });

  it('refuses an impossible date as BAD_USER_INPUT naming the argument, as a literal or a variable', async () => {
    const literal = await ask('gp', '{ searchPeople(dateOfBirth: "2021-02-31") { edges { cursor } } }');
    expect(errorsOf(literal.body)).toEqual([['BAD_USER_INPUT', 'dateOfBirth']]);
    const variable = await ask('gp', 'query($d: Date) { searchPeople(dateOfBirth: $d) { edges { cursor } } }', {
      d: '2023-02-29',
    });
    expect(errorsOf(variable.body)).toEqual([['BAD_USER_INPUT', 'dateOfBirth']]);
  });

  it('refuses a NUL character as BAD_USER_INPUT naming the argument', async () => {
    const { body } = await ask('gp', 'query($n: String) { searchPeople(name: $n) { edges { cursor } } }', {
      n: 'Tay\u0000lor',
    });
    expect(errorsOf(body)).toEqual([['BAD_USER_INPUT', 'name']]);
  });

  it('refuses a forged cursor whose id is not a number where ids are', async () => {
    const after = encodeCursor({ key: '2026-03-01T10:00:00.000Z', id: 'abc' });
    const { body } = await ask(
      'privacy-officer',
      `{ healthBreakGlassAccesses(after: "${after}") { edges { cursor } } }`,
    );
    expect(errorsOf(body)).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(JSON.stringify(body)).not.toMatch(/select|Failed query|params/i);
  });
});
