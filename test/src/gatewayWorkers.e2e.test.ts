import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readSubgraphList } from '@joined-up/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';
import { testAudience, testIssuer } from './startIdentityProvider.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A port nothing listens on just now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * One request on a connection of its own (cluster hands out connections, not requests, so a
 * kept-alive connection would always reach the same worker).
 */
function send(
  port: number,
  path: string,
  options: { body?: string; token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.body
      ? { 'content-type': 'application/json', authorization: `Bearer ${options.token}` }
      : {};
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: options.body ? 'POST' : 'GET', headers, agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    outgoing.setTimeout(5_000, () => outgoing.destroy(new Error(`no answer from ${path} in 5 seconds`)));
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/**
 * The worker pids /health reports over `tries` fresh connections. Failures count for nothing:
 * refused before the workers listen, and (node:cluster's race) lost when handed to a worker just killed.
 */
async function workersAnswering(port: number, tries: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const health = await send(port, '/health').catch(() => undefined);
    if (typeof health?.body['worker'] === 'number') pids.add(health.body['worker']);
  }
  return pids;
}

/** Polls until `check` passes or `timeoutMs` runs out. */
async function eventually<T>(timeoutMs: number, attempt: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the gateway with GATEWAY_WORKERS=2', () => {
  let federation: TestFederation;
  let gateway: ChildProcess;
  let port: number;
  let output = '';
  let exited: Promise<number | null>;
  let firstWorkers: number[] = [];

  beforeAll(async () => {
    federation = await startFederationForTest({ people: 50 });
    port = await freePort();
    const subgraphUrls = Object.fromEntries(
      readSubgraphList().map((entry) => [entry.urlVariable, federation.federation.subgraphs[entry.name]?.url]),
    );
    gateway = spawn(process.execPath, ['--conditions=@joined-up/source', '--import', 'tsx', 'gateway/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...subgraphUrls,
        NODE_ENV: 'test',
        GATEWAY_WORKERS: '2',
        GATEWAY_PORT: String(port),
        GATEWAY_LOG_LEVEL: 'warn',
        JOINED_UP_ISSUER: testIssuer,
        JOINED_UP_AUDIENCE: testAudience,
        JOINED_UP_JWKS_URL: `http://localhost:${federation.federation.identity.port}/.well-known/jwks.json`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => gateway.once('exit', (code) => resolve(code)));
  });
  afterAll(async () => {
    if (gateway?.exitCode === null && gateway.signalCode === null) gateway.kill('SIGKILL');
    await federation?.stop();
  });

  it('serves from two worker processes, both answering queries', async () => {
    const workers = await eventually(
      90_000,
      () => workersAnswering(port, 6),
      (pids) => pids.size === 2,
    );
    expect(workers.size, output).toBe(2);
    expect(workers.has(gateway.pid ?? 0)).toBe(false);
    firstWorkers = [...workers];
    const token = await federation.tokenFor('gp');
    const body = JSON.stringify({ query: '{ person(nhsNumber: "9990000018") { name { full } } }' });
    for (let call = 0; call < 4; call += 1) {
      expect(await send(port, '/graphql', { body, token })).toEqual({
        status: 200,
        body: { data: { person: { name: { full: 'Sam Taylor' } } } },
      });
    }
  });

  it('restarts a worker that dies', async () => {
    const [killed, survivor] = firstWorkers as [number, number];
    process.kill(killed, 'SIGKILL');
    const workers = await eventually(
      60_000,
      () => workersAnswering(port, 6),
      (pids) => pids.size === 2 && !pids.has(killed),
    );
    expect(
      [...workers].filter((pid) => pid !== survivor),
      output,
    ).toHaveLength(1);
    expect(workers.has(killed)).toBe(false);
    expect(output).toContain('a gateway worker stopped unexpectedly; restarting it');
    firstWorkers = [...workers];
  });

  it('stops every worker gracefully on SIGTERM', async () => {
    gateway.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    for (const pid of firstWorkers) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
