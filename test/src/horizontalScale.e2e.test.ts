import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSubgraphList, supergraphPath } from '@joined-up/schema';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';
import { testAudience, testIssuer } from './startIdentityProvider.ts';
import { type ServiceProcess, startServiceProcess } from './startServiceProcess.ts';

const redisUrl = process.env['JOINED_UP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const limit = 6;

let federation: TestFederation;
let folder: string;
let file: string;
const gateways: ServiceProcess[] = [];

/** Polls until `check` passes or `timeoutMs` runs out. */
async function eventually<T>(timeoutMs: number, attempt: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const healthOf = async (gateway: ServiceProcess) =>
  (await (await fetch(new URL('/health', gateway.url))).json()) as { supergraph: { id: string } };

beforeAll(async () => {
  federation = await startFederationForTest({ people: 50 });
  folder = mkdtempSync(join(tmpdir(), 'joined-up-scale-'));
  file = join(folder, 'supergraph.graphql');
  writeFileSync(file, readFileSync(supergraphPath, 'utf8'));
  const env = {
    ...Object.fromEntries(
      readSubgraphList().map((entry) => [entry.urlVariable, federation.federation.subgraphs[entry.name]!.url]),
    ),
    NODE_ENV: 'test',
    GATEWAY_PORT: '0',
    GATEWAY_LOG_LEVEL: 'info',
    GATEWAY_SUPERGRAPH_PATH: file,
    GATEWAY_REDIS_URL: redisUrl,
    GATEWAY_RATE_LIMIT: String(limit),
    GATEWAY_RATE_WINDOW_SECONDS: '600',
    JOINED_UP_ISSUER: testIssuer,
    JOINED_UP_AUDIENCE: testAudience,
    JOINED_UP_JWKS_URL: `http://localhost:${federation.federation.identity.port}/.well-known/jwks.json`,
  };
  // Two gateway processes, as two replicas behind a load balancer would be.
  gateways.push(
    ...(await Promise.all([
      startServiceProcess('gateway/src/main.ts', env),
      startServiceProcess('gateway/src/main.ts', env),
    ])),
  );
}, 240_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await federation?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('two gateway processes', () => {
  it("hold one caller's rate limit between them, counted in Redis", async () => {
    const token = await federation.tokenFor('privacy-officer');
    // The count is the caller's: start it afresh, whatever an earlier run left in this Redis.
    const subject = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    await redis.del(`joined-up:rate:${subject}`);
    await redis.close();
    const statuses: Array<[number, number]> = [];
    for (let call = 0; call < limit + 2; call += 1) {
      const gateway = call % 2;
      const { status } = await graphqlRequest(gateways[gateway]!.url, { query: '{ __typename }', token });
      statuses.push([gateway, status]);
    }
    // Alternating between them, the caller gets `limit` answers in all, not `limit` from each.
    expect(statuses).toEqual([...Array.from({ length: limit }, (_, call) => [call % 2, 200]), [0, 429], [1, 429]]);
    // Another caller is not held by it.
    const other = await graphqlRequest(gateways[1]!.url, {
      query: '{ __typename }',
      token: await federation.tokenFor('gp'),
    });
    expect(other.status).toBe(200);
  });

  it('both take a new supergraph written to the file, without a restart, and serve from it', async () => {
    const [before0, before1] = await Promise.all(gateways.map(healthOf));
    expect(before0!.supergraph.id).toBe(before1!.supergraph.id);
    const pids = gateways.map((gateway) => gateway.child.pid);
    // A deploy writes a new version of the supergraph (a ConfigMap swapped, in Kubernetes).
    writeFileSync(file, `${readFileSync(supergraphPath, 'utf8')}\n# deployed ${randomUUID()}\n`);
    const after = await eventually(
      15_000,
      () => Promise.all(gateways.map(healthOf)),
      (healths) => healths.every((health) => health.supergraph.id !== before0!.supergraph.id),
    );
    expect(after[0]!.supergraph.id).not.toBe(before0!.supergraph.id);
    expect(after[1]!.supergraph.id).toBe(after[0]!.supergraph.id);
    expect(gateways.map((gateway) => gateway.child.pid)).toEqual(pids);
    for (const gateway of gateways) {
      expect(gateway.output()).toContain('supergraph swapped');
      const answer = await graphqlRequest(gateway.url, {
        query: '{ person(nhsNumber: "9990000018") { name { full } } }',
        token: await federation.tokenFor('gp'),
      });
      expect(answer.body).toEqual({ data: { person: { name: { full: 'Sam Taylor' } } } });
    }
  });
});
