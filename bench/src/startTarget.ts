import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { compileEntry } from './compileEntry.ts';
import { peakMemory, type PeakMemory } from './peakMemory.ts';
import { beforePortOffset, prepareBeforeSystem } from './prepareBeforeSystem.ts';
import { stopChild } from './stopChild.ts';

/** The gateways (and the direct call) the benchmark compares. */
export type TargetName =
  'joined-up' | 'joined-up-before' | 'apollo-gateway' | 'hive-gateway' | 'hive-gateway-rust' | 'direct';

export type GatewayName = Exclude<TargetName, 'direct'>;

export interface RunningTarget {
  name: TargetName;
  url: string;
  /**
   * Peak resident memory of the target's processes so far (null for the direct call, which shares the agencies'
   * process).
   */
  peakMemory(): PeakMemory | null;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
export const targetPort = 4000;

const compiled = new Map<string, Promise<string>>();
const compiledEntry = (file: string) => {
  if (!compiled.has(file)) compiled.set(file, compileEntry(file));
  return compiled.get(file)!;
};

/**
 * How each gateway is started, in its own process and with `workers` processes serving the port
 * (1, or one per core), as compiled JavaScript: ours exactly as its container runs it
 * (gateway/dist/main.js from `npm run build`, production settings from the environment,
 * GATEWAY_WORKERS), the others from the small entry files beside this one, compiled to bench/dist
 * (node:cluster workers). `joined-up-before` is the whole system as it was before
 * (prepareBeforeSystem.ts), run as it was then (its TypeScript sources through tsx), with the same
 * settings, in front of its own agencies.
 */
async function command(
  name: GatewayName,
  supergraphPath: string,
  identityUrl: string,
  workers: number,
): Promise<{ args: string[]; env: NodeJS.ProcessEnv; typescript?: true }> {
  const ours = (entry: string, extra: NodeJS.ProcessEnv) => ({
    args: [entry],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GATEWAY_PORT: String(targetPort),
      GATEWAY_SUPERGRAPH_PATH: supergraphPath,
      JOINED_UP_ISSUER: 'https://identity.joined-up.dev',
      JOINED_UP_AUDIENCE: 'joined-up',
      JOINED_UP_JWKS_URL: `${identityUrl}/.well-known/jwks.json`,
      // One caller sends every request of a benchmark: the per-caller limit would measure itself.
      GATEWAY_RATE_LIMIT: '1000000000',
      // The federation benchmark's k6 query (lists in lists, with no @listSize in its subgraphs) is
      // estimated at 24,420 by Apollo Router's cost algorithm, over our default limit of 10,000; the
      // peers limit no cost. The cost is still estimated and checked for every request.
      GATEWAY_MAX_COST: '1000000',
      GATEWAY_LOG_LEVEL: 'error',
      GATEWAY_WORKERS: String(workers),
      ...extra,
    },
  });
  switch (name) {
    case 'joined-up':
      return ours(`${root}gateway/dist/main.js`, {});
    case 'joined-up-before':
      // Its agencies listen above the usual ports; the gateway takes their URLs from these variables.
      return {
        ...ours(prepareBeforeSystem().gatewayEntry, {
          HEALTH_URL: `http://localhost:${4001 + beforePortOffset}/graphql`,
          SOCIAL_CARE_URL: `http://localhost:${4002 + beforePortOffset}/graphql`,
          VOLUNTARY_SECTOR_URL: `http://localhost:${4003 + beforePortOffset}/graphql`,
          CARE_COORDINATION_URL: `http://localhost:${4004 + beforePortOffset}/graphql`,
        }),
        typescript: true,
      };
    case 'apollo-gateway':
      return {
        args: [await compiledEntry('./apolloGatewayProcess.ts'), supergraphPath, String(targetPort), String(workers)],
        env: process.env,
      };
    case 'hive-gateway':
    case 'hive-gateway-rust':
      return {
        args: [
          await compiledEntry('./hiveGatewayProcess.ts'),
          supergraphPath,
          String(targetPort),
          String(workers),
          name === 'hive-gateway-rust' ? 'rust' : 'js',
        ],
        env: process.env,
      };
  }
}

async function waitUntilAnswering(url: string, headers: Record<string, string>, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The target exited with ${child.exitCode} before answering`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within a minute`);
}

/** True when something already listens on the port: a target left over from an interrupted run, or `npm start`. */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts one gateway under test and waits until it answers a query. */
export async function startTarget(
  name: GatewayName,
  options: {
    supergraphPath: string;
    identityUrl: string;
    headers: Record<string, string>;
    workers: number;
    /** Node options for the target's process (and its workers), such as `--cpu-prof` for the profile. */
    nodeOptions?: readonly string[];
  },
): Promise<RunningTarget> {
  if (await portInUse(targetPort))
    throw new Error(
      `Port ${targetPort} is in use: stop whatever listens there ` +
        `(npm start, or a gateway left by an interrupted run) and run ` +
        `again.`,
    );
  const { args, env, typescript } = await command(name, options.supergraphPath, options.identityUrl, options.workers);
  const child = spawn(
    process.execPath,
    [
      ...(typescript ? ['--conditions=@joined-up/source', '--import', 'tsx'] : []),
      ...(options.nodeOptions ?? []),
      ...args,
    ],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: root,
    },
  );
  // An interrupted run must not leave a gateway on the port (workers go with their primary's signal).
  const orphan = () => child.kill('SIGTERM');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  const url = `http://127.0.0.1:${targetPort}/graphql`;
  try {
    await waitUntilAnswering(url, options.headers, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  let lastPeak: PeakMemory | null = null;
  return {
    name,
    url,
    peakMemory: () => (lastPeak = child.pid && child.exitCode === null ? peakMemory(child.pid) : lastPeak),
    stop: () => stopChild(child, () => child.kill('SIGTERM'), 10_000),
  };
}
