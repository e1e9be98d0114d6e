import { createLogger } from '@joined-up/core';
import { loadAgencyModules, signToken } from '@joined-up/dev';
import { type RunningSubgraph, runSubgraph } from '@joined-up/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';

// An outside review read a production subgraph's schema with any valid token, from `_service { sdl }`
// and from graphql-js's "Did you mean ...?" hints, though introspection was off.
describe('a production subgraph called directly', () => {
  let idp: TestIdentityProvider;
  let subgraph: RunningSubgraph;
  const schemaReader = {
    username: 'composition',
    subject: 'svc-composition',
    name: 'Schema composition',
    role: 'schema-reader',
    organisation: { code: 'PARTNERSHIP', name: 'The partnership', sector: 'care-coordination' },
    description: 'The credential composition reads each subgraph’s SDL with',
  };
  const ask = async (token: string, query: string) => graphqlRequest(subgraph.url, { query, token });
  beforeAll(async () => {
    idp = await startIdentityProvider();
    const [agency] = (await loadAgencyModules()).filter(({ module }) => module.agency.name === 'voluntary-sector');
    subgraph = await runSubgraph(agency!.module, {
      port: 0,
      identity: idp.identity,
      environment: 'production',
      seed: false,
      logger: createLogger('voluntary-sector', 'silent'),
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await idp?.stop();
  });

  it('gives no field suggestions', async () => {
    const { body } = await ask(await idp.tokenFor('link-worker'), '{ _servic { sdl } }');
    expect(body.errors?.map((error) => [error.message, error.extensions?.['code']])).toEqual([
      ['Cannot query field "_servic" on type "Query".', 'GRAPHQL_VALIDATION_FAILED'],
    ]);
  });

  it('gives `_service { sdl }` to a schema reader alone, however it is asked for', async () => {
    const token = await idp.tokenFor('link-worker');
    for (const query of [
      '{ _service { sdl } }',
      '{ s: _service { sdl } }',
      '{ ... on Query { _service { sdl } } }',
      'query { ...F } fragment F on Query { _service { sdl } }',
    ]) {
      const { body } = await ask(token, query);
      expect(body.data, query).toBeUndefined();
      expect(
        body.errors?.map((error) => error.extensions?.['code']),
        query,
      ).toEqual(['FORBIDDEN']);
    }
    const reader = await signToken(schemaReader, idp.key, idp.identity);
    const { status, body } = await ask(reader, '{ _service { sdl } }');
    expect(status).toBe(200);
    expect((body.data as { _service: { sdl: string } })._service.sdl).toContain('type Query');
  });
});
