import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { listen, type RunningServer } from '@joined-up/core';
import { type ServedSupergraph, startGateway, type SupergraphSource, supergraphId } from '@joined-up/gateway';
import { parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeTestSupergraph } from './composeTestSupergraph.ts';
import { graphqlRequest } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';
import { startTinySubgraph } from './startTinySubgraph.ts';

// One subgraph, "notices", runs with all three fields; each supergraph publishes some of them, as
// a field a subgraph has deployed reaches callers only once a supergraph composing it is served.
// `greeting` carries @policy, so every supergraph links a SECURITY feature the gateway must
// delegate (withSecurityFeaturesDelegated) before Apollo will build it.
const fields = {
  greeting: 'greeting: String @policy(policies: [["notices"]])',
  slowGreeting: 'slowGreeting: String',
  farewell: 'farewell: String',
};

function noticesTypeDefs(names: Array<keyof typeof fields>) {
  return parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@policy"])
    type Query {
      ${names.map((name) => fields[name]).join('\n')}
    }
  `);
}

/** A point `slowGreeting` stops at until the test lets it go. */
function createGate() {
  let open = (): void => {};
  let reach = (): void => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { open, opened, reach, reached };
}

interface LogLine {
  level: number;
  msg: string;
  err?: { message: string };
  supergraph?: { id?: string; previousId?: string };
}

/** A pino logger whose lines the test can read. */
function captureLogs() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines, errors: () => lines.filter((line) => line.level >= 50) };
}

/** Polls until `check` passes, failing with `what` after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the fs.watch and timer handles are keeping the process alive with just now. */
function activeHandles() {
  const resources = process.getActiveResourcesInfo();
  return {
    watchers: resources.filter((resource) => resource === 'FSEventWrap').length,
    timers: resources.filter((resource) => resource === 'Timeout').length,
  };
}

let idp: TestIdentityProvider;
let notices: RunningServer;
let gate = createGate();
const supergraphs = { v1: '', v2: '', v3: '' };

beforeAll(async () => {
  idp = await startIdentityProvider();
  notices = await startTinySubgraph(
    buildSubgraphSchema([
      {
        typeDefs: noticesTypeDefs(['greeting', 'slowGreeting', 'farewell']),
        resolvers: {
          Query: {
            greeting: () => 'hello',
            farewell: () => 'goodbye',
            slowGreeting: async () => {
              gate.reach();
              await gate.opened;
              return 'hello, slowly';
            },
          },
        },
      },
    ]),
  );
  const compose = (names: Array<keyof typeof fields>) =>
    composeTestSupergraph([{ name: 'notices', url: notices.url, typeDefs: noticesTypeDefs(names) }]);
  supergraphs.v1 = compose(['greeting', 'slowGreeting']);
  // v2 adds farewell; v3 then drops slowGreeting.
  supergraphs.v2 = compose(['greeting', 'slowGreeting', 'farewell']);
  supergraphs.v3 = compose(['greeting', 'farewell']);
  expect(supergraphs.v1).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
});

afterAll(async () => {
  await notices?.stop();
  await idp?.stop();
});

/** A gateway over the notices subgraph, its logs kept, and the means to ask it things. */
async function startNoticesGateway(supergraph: SupergraphSource) {
  const logs = captureLogs();
  const gateway = await startGateway({
    port: 0,
    supergraph,
    subgraphs: [{ name: 'notices', displayName: 'Notices', url: notices.url }],
    identity: idp.identity,
    environment: 'test',
    logger: logs.logger,
  });
  let stopped: Promise<void> | undefined;
  return {
    logs,
    query: async (query: string) => graphqlRequest(gateway.url, { query, token: await idp.tokenFor('gp') }),
    served: async () => {
      const response = await fetch(new URL('/health', gateway.url));
      return ((await response.json()) as { supergraph: ServedSupergraph }).supergraph;
    },
    stop: () => (stopped ??= gateway.stop()),
  };
}

type NoticesGateway = Awaited<ReturnType<typeof startNoticesGateway>>;

const serving = async (gateway: NoticesGateway, sdl: string) => (await gateway.served()).id === supergraphId(sdl);

describe('a gateway watching its supergraph file', () => {
  let folder: string;
  let path: string;
  let gateway: NoticesGateway;
  let before: ReturnType<typeof activeHandles>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'joined-up-supergraph-'));
    path = join(folder, 'supergraph.graphql');
    await writeFile(path, supergraphs.v1);
    before = activeHandles();
    gateway = await startNoticesGateway({ path, debounceMs: 100 });
  });

  afterAll(async () => {
    await gateway?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves the supergraph in the file and says which in /health', async () => {
    const served = await gateway.served();
    expect(served).toEqual({ id: supergraphId(supergraphs.v1), loadedAt: expect.any(String) });
    expect(served.id).toMatch(/^[0-9a-f]{12}$/);
    expect(await gateway.query('{ greeting }')).toMatchObject({ status: 200, body: { data: { greeting: 'hello' } } });
    const farewell = await gateway.query('{ farewell }');
    expect(farewell.body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "farewell" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('takes a new supergraph written to the file once the writes settle, without a restart', async () => {
    const first = await gateway.served();
    // As an editor saves: the file emptied, half written, then whole. Read before the writes
    // settled, the half would be refused with an error.
    await writeFile(path, '');
    await writeFile(path, supergraphs.v2.slice(0, supergraphs.v2.length / 2));
    await writeFile(path, supergraphs.v2);
    await until('the gateway serves v2', () => serving(gateway, supergraphs.v2));

    expect(await gateway.query('{ greeting farewell }')).toMatchObject({
      status: 200,
      body: { data: { greeting: 'hello', farewell: 'goodbye' } },
    });
    expect(Date.parse((await gateway.served()).loadedAt)).toBeGreaterThan(Date.parse(first.loadedAt));
    expect(gateway.logs.errors()).toEqual([]);
    const swaps = gateway.logs.lines.filter((line) => line.msg.startsWith('supergraph swapped'));
    expect(swaps.map((line) => line.supergraph)).toEqual([
      expect.objectContaining({ id: supergraphId(supergraphs.v2), previousId: supergraphId(supergraphs.v1) }),
    ]);
  });

  it('refuses a supergraph that does not build, logs why, and keeps serving the one it has', async () => {
    const v2 = await gateway.served();
    await writeFile(path, supergraphs.v2.replace('type Query', 'type Query {'));
    await until('the refusal is logged', () => gateway.logs.errors().length === 1);
    // Valid GraphQL, but no supergraph.
    await writeFile(path, 'type Query { farewell: String }\n');
    await until('the second refusal is logged', () => gateway.logs.errors().length === 2);

    expect(gateway.logs.errors()).toEqual([
      expect.objectContaining({
        msg: expect.stringMatching(/^supergraph [0-9a-f]{12} from .+ refused: it does not build; still serving /),
        err: expect.objectContaining({ message: expect.stringContaining('Syntax Error') }),
      }),
      expect.objectContaining({
        err: expect.objectContaining({ message: 'Invalid supergraph: must be a core schema' }),
      }),
    ]);
    expect(gateway.logs.errors()[0]?.msg).toContain(`still serving ${v2.id}`);
    expect(await gateway.served()).toEqual(v2);
    expect(await gateway.query('{ farewell }')).toMatchObject({ status: 200, body: { data: { farewell: 'goodbye' } } });

    // The same broken file written again is not offered again, so not logged again.
    await writeFile(path, 'type Query { farewell: String }\n');
    await pause(400);
    expect(gateway.logs.errors()).toHaveLength(2);
  });

  it('lets a request in flight finish on the supergraph it started on', async () => {
    await writeFile(path, supergraphs.v2);
    await until('the gateway serves v2 again', () => serving(gateway, supergraphs.v2));
    gate = createGate();
    const inFlight = gateway.query('{ slowGreeting }');
    await gate.reached;

    // v3 drops slowGreeting: new requests for it are refused while the one in flight is held.
    await writeFile(path, supergraphs.v3);
    await until('the gateway serves v3', () => serving(gateway, supergraphs.v3));
    const refused = await gateway.query('{ slowGreeting }');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });

    gate.open();
    expect((await inFlight).body).toEqual({ data: { slowGreeting: 'hello, slowly' } });
  });

  it('stops watching when the gateway stops', async () => {
    await gateway.stop();
    // A closed watcher or timer leaves the process's handle list a moment later on a busy machine.
    await expect.poll(() => activeHandles()).toEqual(before);
    const lines = gateway.logs.lines.length;
    await writeFile(path, supergraphs.v1);
    await pause(400);
    expect(gateway.logs.lines).toHaveLength(lines);
  });
});

describe('a gateway polling a supergraph URL', () => {
  let answer = { status: 200, body: '' };
  let fetches = 0;
  let source: RunningServer;
  let gateway: NoticesGateway;
  let before: ReturnType<typeof activeHandles>;

  beforeAll(async () => {
    answer = { status: 200, body: supergraphs.v1 };
    const listener: RequestListener = (_request, response) => {
      fetches += 1;
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    };
    source = await listen(listener, 0, '/supergraph.graphql');
    before = activeHandles();
    gateway = await startNoticesGateway({ url: source.url, pollIntervalMs: 100 });
  });

  afterAll(async () => {
    await gateway?.stop();
    await source?.stop();
  });

  it('serves the supergraph the URL answers with, then the next one it answers with', async () => {
    expect(await gateway.served()).toMatchObject({ id: supergraphId(supergraphs.v1) });
    answer = { status: 200, body: supergraphs.v2 };
    await until('the gateway serves v2', () => serving(gateway, supergraphs.v2));
    expect(await gateway.query('{ farewell }')).toMatchObject({ status: 200, body: { data: { farewell: 'goodbye' } } });
    expect(gateway.logs.errors()).toEqual([]);
  });

  it('keeps serving through a broken supergraph and a failing URL, logging each once', async () => {
    answer = { status: 200, body: 'type Query {' };
    await until('the refusal is logged', () => gateway.logs.errors().length === 1);
    answer = { status: 503, body: 'down for maintenance' };
    await until('the failure is logged', () => gateway.logs.errors().length === 2);
    // Several more polls of the same failure.
    await pause(400);

    expect(gateway.logs.errors()).toEqual([
      expect.objectContaining({ msg: expect.stringContaining('refused: it does not build') }),
      expect.objectContaining({
        msg: expect.stringMatching(/^cannot read the supergraph from http:\/\/localhost:\d+\/supergraph.graphql/),
        err: expect.objectContaining({ message: expect.stringContaining('answered HTTP 503') }),
      }),
    ]);
    expect(await gateway.served()).toMatchObject({ id: supergraphId(supergraphs.v2) });
    expect(await gateway.query('{ farewell }')).toMatchObject({ status: 200, body: { data: { farewell: 'goodbye' } } });

    answer = { status: 200, body: supergraphs.v3 };
    await until('the gateway serves v3', () => serving(gateway, supergraphs.v3));
    expect(gateway.logs.lines.filter((line) => line.msg.endsWith('can be read again'))).toHaveLength(1);
  });

  it('stops polling when the gateway stops', async () => {
    await gateway.stop();
    // A closed watcher or timer leaves the process's handle list a moment later on a busy machine.
    await expect.poll(() => activeHandles()).toEqual(before);
    const count = fetches;
    await pause(400);
    expect(fetches).toBe(count);
  });
});
