import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitedApolloServer } from './LimitedApolloServer.ts';
import { TrustedDocuments } from './TrustedDocuments.ts';

const typeDefs = 'type Query { hello(name: String): String }';
const resolvers = { Query: { hello: (_: unknown, { name }: { name?: string }) => `hello ${name ?? 'you'}` } };
// Registered: more tokens than the limit below allows a text written ad hoc.
const registered = 'query Greeting($name: String) {\n  hello(name: $name)\n}';
const id = createHash('sha256').update(registered).digest('hex');

function serverWith(refuseUnregistered: boolean) {
  const trusted = new TrustedDocuments({ documents: [{ id, body: registered }], refuseUnregistered });
  const server = new LimitedApolloServer({ typeDefs, resolvers }, { maxBatchSize: 0, maxTokens: 5 }, trusted);
  const run = async (body: unknown, method: 'POST' | 'GET' = 'POST', search = '') => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method,
        headers: new HeaderMap([
          ['content-type', 'application/json'],
          ['apollo-require-preflight', 'true'],
        ]),
        search,
        body,
      },
      context: async () => ({}),
    });
    return {
      status: response.status ?? 200,
      body: JSON.parse(response.body.kind === 'complete' ? response.body.string : '') as unknown,
    };
  };
  return { server, run };
}

const refused = (code: string, message: string) => ({
  status: 400,
  body: { errors: [{ message, extensions: { code } }] },
});

describe('trusted documents', () => {
  const open = serverWith(false);
  const strict = serverWith(true);
  beforeAll(() => Promise.all([open.server.start(), strict.server.start()]));
  afterAll(() => Promise.all([open.server.stop(), strict.server.stop()]));

  it('runs a registered operation sent by id alone, over the token limit for ad hoc text', async () => {
    const answer = { status: 200, body: { data: { hello: 'hello Sam' } } };
    expect(await open.run({ documentId: id, variables: { name: 'Sam' } })).toEqual(answer);
    expect(await open.run({ documentId: `sha256:${id}`, variables: { name: 'Sam' } })).toEqual(answer);
    expect(
      await open.run({ variables: { name: 'Sam' }, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
    ).toEqual(answer);
    expect(
      await open.run(undefined, 'GET', `?documentId=${id}&variables=${encodeURIComponent('{"name":"Sam"}')}`),
    ).toEqual(answer);
    // Its text, sent as text, is registered too, and so not held to the token limit either.
    expect(await strict.run({ query: registered, variables: { name: 'Sam' } })).toEqual(answer);
  });

  it('refuses an id nobody registered, and an id sent with a text', async () => {
    const unknown = 'No operation with that id is registered with this gateway (schema/operations/).';
    expect(await open.run({ documentId: 'f'.repeat(64) })).toEqual(refused('PERSISTED_QUERY_NOT_FOUND', unknown));
    expect(await open.run({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } })).toEqual(
      refused('PERSISTED_QUERY_NOT_FOUND', unknown),
    );
    expect(await open.run({ documentId: id, query: '{ hello }' })).toEqual(
      refused(
        'BAD_REQUEST',
        'Send either a registered operation id (documentId) or an operation text (query), not both.',
      ),
    );
    // Automatic persisted queries cannot register a new one: a hash with its text is just a text.
    const text = '{ hello }';
    const hash = createHash('sha256').update(text).digest('hex');
    expect(await open.run({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).toEqual(
      refused(
        'BAD_REQUEST',
        'Send either a registered operation id (documentId) or an operation text (query), not both.',
      ),
    );
    expect(await open.run({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).toEqual(
      refused('PERSISTED_QUERY_NOT_FOUND', unknown),
    );
  });

  it('runs ad hoc text within the limits, unless unregistered operations are refused', async () => {
    expect(await open.run({ query: '{ hello }' })).toEqual({ status: 200, body: { data: { hello: 'hello you' } } });
    const onlyRegistered =
      'This gateway runs registered operations only: ' +
      'send the id of one registered under schema/operations/ as documentId.';
    expect(await strict.run({ query: '{ hello }' })).toEqual(refused('OPERATION_NOT_REGISTERED', onlyRegistered));
    expect(await strict.run(undefined, 'GET', '?query=%7B%20hello%20%7D')).toEqual(
      refused('OPERATION_NOT_REGISTERED', onlyRegistered),
    );
    expect(await strict.run({ documentId: id, variables: { name: 'Sam' } })).toEqual({
      status: 200,
      body: { data: { hello: 'hello Sam' } },
    });
  });
});
