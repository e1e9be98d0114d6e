import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitedApolloServer } from './LimitedApolloServer.ts';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'hello' } };

describe('LimitedApolloServer', () => {
  const server = new LimitedApolloServer({ typeDefs, resolvers }, { maxBatchSize: 2, maxTokens: 5 });
  const contexts: unknown[] = [];
  const run = async (body: unknown, headers: Array<[string, string]> = [['content-type', 'application/json']]) => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap(headers), search: '', body },
      context: async () => {
        contexts.push(body);
        return {};
      },
    });
    return {
      status: response.status ?? 200,
      body: JSON.parse(response.body.kind === 'complete' ? response.body.string : '') as unknown,
    };
  };
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('runs a batch within the allowed size', async () => {
    expect(await run([{ query: '{ hello }' }, { query: '{ hello }' }])).toEqual({
      status: 200,
      body: [{ data: { hello: 'hello' } }, { data: { hello: 'hello' } }],
    });
  });

  it('refuses a larger batch or too many tokens before the context (and so the token check) is built', async () => {
    contexts.length = 0;
    expect(await run([{ query: '{ hello }' }, { query: '{ hello }' }, { query: '{ hello }' }])).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'A batch may hold at most 2 operations; this one has 3.',
            extensions: { code: 'BATCH_NOT_ALLOWED', limit: 2, measured: 3 },
          },
        ],
      },
    });
    expect(await run({ query: '{ hello hello hello hello }' })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The operation has 6 tokens, over the limit of 5.',
            extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 5, measured: 6 },
          },
        ],
      },
    });
    expect(contexts).toEqual([]);
  });

  it('still prevents cross-site request forgery first', async () => {
    const { status, body } = await run([{ query: '{ hello }' }, { query: '{ hello }' }, { query: '{ hello }' }], []);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/^This operation has been blocked as a potential Cross-Site Request Forgery/),
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });
});
