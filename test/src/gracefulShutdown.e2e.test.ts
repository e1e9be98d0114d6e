import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@joined-up/core';
import { loadAgencyModules } from '@joined-up/dev';
import { type Database, runSubgraph } from '@joined-up/kit';
import { partnershipSectors, readSubgraphList } from '@joined-up/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import type { GraphQLResult } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';
import { startServiceProcess } from './startServiceProcess.ts';

const sendReferral = `mutation($input: CareCoordinationSendReferralInput!) { sendReferral(input: $input) { referral { id
                       status } } }`;
const writes = 30;
const marker = `Shutdown test ${process.pid}`;

describe('a subgraph stopped while writes are in flight', () => {
  let idp: TestIdentityProvider;
  let dataDir: string;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    dataDir = mkdtempSync(join(tmpdir(), 'joined-up-shutdown-'));
  });
  afterAll(async () => {
    await idp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reopen = async () => {
    const [careCoordination] = await loadAgencyModules(
      readSubgraphList().filter((entry) => entry.name === 'care-coordination'),
    );
    return runSubgraph(careCoordination!.module, {
      port: 0,
      dataDir,
      identity: idp.identity,
      environment: 'test',
      seed: false,
      logger: createLogger('care-coordination', 'silent'),
      sectors: partnershipSectors(readSubgraphList()),
    });
  };

  it('answers every write that committed as committed on SIGTERM, cuts none, and accepts no new one', async () => {
    // Its own process, so that its database work and the client's are not one event loop.
    const service = await startServiceProcess('subgraphs/care-coordination/src/main.ts', {
      NODE_ENV: 'test',
      CARE_COORDINATION_PORT: '0',
      CARE_COORDINATION_DATA_DIR: dataDir,
      JOINED_UP_PEOPLE: '50',
      JOINED_UP_JWKS_URL: idp.identity.jwksUrl,
      JOINED_UP_SECTORS: partnershipSectors(readSubgraphList()).join(','),
      JOINED_UP_SHUTDOWN_GRACE_MS: '30000',
    });
    const token = await idp.tokenFor('gp');
    // An address, not a name to look up: every write should reach the server at once.
    const url = service.url.replace('localhost', '127.0.0.1');
    const outcomes: Array<{ key: string; outcome: string }> = [];
    // One open connection per write, as a gateway's pool holds them, so each write is on its way
    // to the server the moment it is sent.
    const pool = new Agent({ connections: writes });
    await Promise.all(
      Array.from({ length: writes }, async () =>
        (await request(new URL('/health', url), { dispatcher: pool })).body.text(),
      ),
    );
    const sent = Array.from({ length: writes }, (_, index) => {
      const key = `shutdown-${process.pid}-${index}`;
      return post<{ sendReferral: { referral: { status: string } } }>(url, pool, token, {
        query: sendReferral,
        variables: {
          input: {
            nhsNumber: '9990000018',
            idempotencyKey: key,
            toOrganisationCode: 'DEMOV2',
            service: 'Social prescribing',
            reason: marker,
          },
        },
      }).then(
        ({ status, body }) => {
          const committed = status === 200 && body.data?.sendReferral.referral.status === 'SENT' && !body.errors;
          outcomes.push({
            key,
            outcome: committed ? 'committed' : `failed ${status} ${JSON.stringify(body.errors)}`,
          });
        },
        (error: unknown) => outcomes.push({ key, outcome: `cut: ${String((error as Error).cause ?? error)}` }),
      );
    });
    // SIGTERM while the writes are running: about a fifth of the time they take on this machine.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const answeredBeforeSignal = outcomes.length;
    service.child.kill('SIGTERM');
    await Promise.all(sent);
    const refused = await fetch(new URL('/health', url)).then(
      () => 'accepted',
      () => 'refused',
    );
    expect(await service.exited).toBe(0);
    await pool.close();
    expect(refused).toBe('refused');
    expect(answeredBeforeSignal).toBeLessThan(writes / 2);
    expect(outcomes.filter(({ outcome }) => outcome !== 'committed')).toEqual([]);
    expect(outcomes.length).toBe(writes);

    // Every write answered as committed is in the database, and nothing else is.
    const reopened = await reopen();
    try {
      const db = reopened.database.db as Database<Record<string, unknown>>;
      const result = (await db.execute(
        sql`select count(*)::int as count from referrals where reason = ${marker}`,
      )) as unknown as { rows: Array<{ count: number }> };
      expect(result.rows[0]?.count).toBe(writes);
    } finally {
      await reopened.stop();
    }
  });
});

/** Posts an operation through `pool`, keeping its connections. */
async function post<TData>(
  url: string,
  pool: Agent,
  token: string,
  body: { query: string; variables: Record<string, unknown> },
): Promise<Pick<GraphQLResult<TData>, 'status' | 'body'>> {
  const response = await request(url, {
    method: 'POST',
    dispatcher: pool,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as GraphQLResult<TData>['body'] };
}
