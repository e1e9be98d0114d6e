import { createHash } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import expectedResponse from './expectedResponse.json' with { type: 'json' };
import {
  federationBenchmarkOperationName,
  federationBenchmarkQuery,
  federationBenchmarkSubgraphs,
  startFederationBenchmarkSubgraphs,
  type FederationBenchmarkSubgraphs,
} from './index.ts';

interface GraphQLResponse {
  data?: Record<string, unknown>;
  errors?: unknown[];
}

async function post(url: string, body: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLResponse;
}

describe('the gateway benchmark workload', () => {
  let subgraphs: FederationBenchmarkSubgraphs;
  let gateway: ApolloServer;
  let gatewayUrl: string;

  beforeAll(async () => {
    subgraphs = await startFederationBenchmarkSubgraphs();
    // What the benchmark's apollo-gateway runs: a bare ApolloGateway in a default ApolloServer.
    gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: subgraphs.supergraphSdl }) });
    ({ url: gatewayUrl } = await startStandaloneServer(gateway, { listen: { port: 0, host: '127.0.0.1' } }));
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraphs?.stop();
  });

  it("answers the k6 query through Apollo Gateway with the benchmark's expected response", async () => {
    // As k6 sends it: the query alone.
    const response = await post(gatewayUrl, { query: federationBenchmarkQuery });
    expect(response.errors).toBeUndefined();
    expect(response).toEqual(expectedResponse);
  });

  it('serves each subgraph over HTTP with an SDL that composes to the same supergraph', async () => {
    const services = await Promise.all(
      federationBenchmarkSubgraphs.map(async ({ name }) => {
        const response = await post(subgraphs.urls[name], { query: '{ _service { sdl } }' });
        const sdl = (response.data?._service as { sdl?: unknown } | undefined)?.sdl;
        expect(typeof sdl, name).toBe('string');
        return { name, url: subgraphs.urls[name], typeDefs: parse(sdl as string) };
      }),
    );
    const composition = composeServices(services);
    expect(composition.errors).toBeUndefined();
    expect(composition.supergraphSdl).toBe(subgraphs.supergraphSdl);
  });

  it('keeps the resolver quirks of the Rust subgraphs', async () => {
    // Inventory ignores the price and weight it @requires, so even a costly product has no estimate.
    const inventory = await post(subgraphs.urls.inventory, {
      query:
        'query ($representations: [_Any!]!) { ' +
        '_entities(representations: $representations) { ... on ' +
        'Product { inStock shippingEstimate } } }',
      variables: { representations: [{ __typename: 'Product', upc: '8', price: 100000, weight: 6000 }] },
    });
    expect(inventory).toEqual({ data: { _entities: [{ inStock: false, shippingEstimate: null }] } });

    // Reviews answers any user as username 'user' with reviews 1 and 2.
    const reviews = await post(subgraphs.urls.reviews, {
      query:
        'query ($representations: [_Any!]!) { ' +
        '_entities(representations: $representations) { ... on User { ' +
        'id username reviews { id } } } }',
      variables: { representations: [{ __typename: 'User', id: '42' }] },
    });
    expect(reviews).toEqual({
      data: { _entities: [{ id: '42', username: 'user', reviews: [{ id: '1' }, { id: '2' }] }] },
    });

    // A negative count takes every product, as Rust's cast of a negative i32 to usize does.
    const products = await post(subgraphs.urls.products, {
      query: '{ five: topProducts { upc } all: topProducts(first: -1) { upc } } ',
    });
    expect(products.data).toEqual({
      five: ['1', '2', '3', '4', '5'].map((upc) => ({ upc })),
      all: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((upc) => ({ upc })),
    });
  });

  it('refuses what is not a GraphQL POST to /graphql', async () => {
    const url = subgraphs.urls.accounts;
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(new URL('/elsewhere', url), { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(url, { method: 'POST', body: 'not json' })).status).toBe(400);
    const invalid = await post(url, { query: '{ nobody }' });
    expect(invalid.errors).toHaveLength(1);
  });
});

describe('federationBenchmarkQuery', () => {
  it("is the k6 script's query byte for byte", () => {
    // Computed from the template literal in k6.js (commit 08f5be03); a reformatted copy would
    // change what gateways parse and cache.
    expect(createHash('sha256').update(federationBenchmarkQuery).digest('hex')).toBe(
      'e6eefa8e6f1efb6235d7b9fd5342fc739b9e8ecd823f213cdfd33029a8e64d64',
    );
  });

  it('names its one operation federationBenchmarkOperationName', () => {
    const operations = parse(federationBenchmarkQuery).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.map((operation) => operation.name?.value)).toEqual([federationBenchmarkOperationName]);
  });
});
