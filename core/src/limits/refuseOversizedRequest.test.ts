import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { refuseOversizedRequest } from './refuseOversizedRequest.ts';

const post = (body: unknown): HTTPGraphQLRequest => ({ method: 'POST', headers: new HeaderMap(), search: '', body });
const refusal = (request: HTTPGraphQLRequest, limits = { maxBatchSize: 0, maxTokens: 10 }) => {
  const error = refuseOversizedRequest(request, limits);
  return error && { message: error.message, extensions: error.extensions };
};
const small = { query: '{ person { name } }' };
const large = { query: '{ a b c d e f g h i j }' };

describe('refuseOversizedRequest', () => {
  it('lets a single operation within the token limit through, by POST or GET', () => {
    expect(refusal(post(small))).toBeUndefined();
    expect(
      refusal({
        method: 'GET',
        headers: new HeaderMap(),
        search: `?query=${encodeURIComponent(small.query)}`,
        body: undefined,
      }),
    ).toBeUndefined();
  });

  it('refuses any batch when batches are off', () => {
    expect(refusal(post([small]))).toEqual({
      message: 'Batched operations are not accepted: send one operation per request.',
      extensions: { code: 'BATCH_NOT_ALLOWED', limit: 0, measured: 1, http: { status: 400 } },
    });
  });

  it('refuses a batch over the allowed size, and lets a smaller one through', () => {
    const limits = { maxBatchSize: 2, maxTokens: 10 };
    expect(refusal(post([small, small]), limits)).toBeUndefined();
    expect(refusal(post([small, small, small]), limits)).toEqual({
      message: 'A batch may hold at most 2 operations; this one has 3.',
      extensions: { code: 'BATCH_NOT_ALLOWED', limit: 2, measured: 3, http: { status: 400 } },
    });
  });

  it('refuses too many tokens by POST, GET or in any operation of a batch', () => {
    const tooMany = {
      message: 'The operation has 12 tokens, over the limit of 10.',
      extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 10, measured: 12, http: { status: 400 } },
    };
    expect(refusal(post(large))).toEqual(tooMany);
    expect(
      refusal({
        method: 'GET',
        headers: new HeaderMap(),
        search: `?query=${encodeURIComponent(large.query)}`,
        body: undefined,
      }),
    ).toEqual(tooMany);
    expect(refusal(post([small, large]), { maxBatchSize: 2, maxTokens: 10 })).toEqual(tooMany);
  });

  it('leaves what is not a query string for Apollo Server to refuse', () => {
    expect(refusal(post('{ a b c d e f g h i j }'))).toBeUndefined();
    expect(refusal(post({ query: 42 }))).toBeUndefined();
    expect(refusal(post(null))).toBeUndefined();
  });
});
