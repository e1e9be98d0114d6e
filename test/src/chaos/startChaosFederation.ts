import { partnershipSectors, readSubgraphList } from '@joined-up/schema';
import { createPostgresDatabase, type TestPostgresDatabase } from '../createPostgresDatabase.ts';
import { type FaultyProxy, startFaultyProxy } from '../startFaultyProxy.ts';
import { startIdentityProvider } from '../startIdentityProvider.ts';
import { type ServiceProcess, startServiceProcess } from '../startServiceProcess.ts';
import type { ChaosSettings } from './ChaosSettings.ts';

/** One agency in its own process, behind a proxy that keeps its address while the process comes and goes. */
export interface ChaosAgency {
  name: string;
  displayName: string;
  /** Its database, for the suite to check what was committed. */
  database: TestPostgresDatabase;
  /** What the gateway calls: it can add latency to the agency's answers. */
  proxy: FaultyProxy;
  /** The process serving now. */
  process: ServiceProcess;
  /** Sends the process a signal: SIGKILL or SIGTERM to end it, SIGSTOP to hang it, SIGCONT to wake it. */
  signal(signal: NodeJS.Signals): void;
  /** Starts a new process on the same database (after a kill or a stop) and points the proxy at it. */
  start(): Promise<void>;
}

/** The federation as separate processes: every agency and the gateway, each its own OS process. */
export interface ChaosFederation {
  agencies: ChaosAgency[];
  agency(name: string): ChaosAgency;
  /** The gateway process serving now. */
  gateway: ServiceProcess;
  /** Sends the gateway process a signal (SIGTERM to stop it). */
  signalGateway(signal: NodeJS.Signals): void;
  /** Starts a new gateway process (after one was stopped); its URL is the new process's. */
  startGateway(): Promise<void>;
  tokenFor(username: string): Promise<string>;
  /** Processes that ended though the suite did not end them, with their last output. */
  unexpectedExits(): string[];
  stop(): Promise<void>;
}

/**
 * Starts each agency from its own entry point (subgraphs/<agency>/src/main.ts) on a throwaway
 * PostgreSQL database, each behind a proxy, and the gateway from gateway/src/main.ts, as
 * production runs them: one process each, talking real HTTP. The identity provider and the
 * proxies run in the calling process.
 */
export async function startChaosFederation(settings: ChaosSettings): Promise<ChaosFederation> {
  const identityProvider = await startIdentityProvider();
  const entries = readSubgraphList();
  const sectors = partnershipSectors(entries).join(',');
  const expected = new Set<ServiceProcess>();
  const exits: string[] = [];
  const watch = (name: string, service: ServiceProcess): ServiceProcess => {
    void service.exited.then((code) => {
      if (!expected.has(service)) exits.push(`${name} exited with ${code}:\n${service.output().slice(-4_000)}`);
    });
    return service;
  };
  // A signal the suite sends on purpose: the exit it causes is no finding.
  const send = (service: ServiceProcess, signal: NodeJS.Signals): void => {
    if (signal === 'SIGKILL' || signal === 'SIGTERM') expected.add(service);
    service.child.kill(signal);
  };
  const agencies: ChaosAgency[] = [];
  let gateway: ServiceProcess | undefined;
  const stopAll = async (): Promise<void> => {
    const running = [gateway, ...agencies.map((agency) => agency.process)].filter((service) => service !== undefined);
    for (const service of running) expected.add(service);
    await Promise.all(
      running.map(async (service) => {
        // A process left stopped (SIGSTOP) by a failed test must be woken to hear SIGTERM.
        service.child.kill('SIGCONT');
        const timer = setTimeout(() => service.child.kill('SIGKILL'), settings.shutdownGraceMs + 5_000);
        await service.stop();
        clearTimeout(timer);
      }),
    );
    await Promise.all(agencies.map((agency) => agency.proxy.stop()));
    await Promise.all(agencies.map((agency) => agency.database.drop()));
    await identityProvider.stop();
  };
  try {
    await Promise.all(
      entries.map(async (entry) => {
        const prefix = entry.urlVariable.replace(/_URL$/, '');
        const database = await createPostgresDatabase(`chaos_${entry.name}`);
        const env = {
          NODE_ENV: 'test',
          [`${prefix}_PORT`]: '0',
          [`${prefix}_DATABASE_URL`]: database.url,
          [`${prefix}_SHUTDOWN_GRACE_MS`]: String(settings.shutdownGraceMs),
          JOINED_UP_PEOPLE: String(settings.people),
          JOINED_UP_JWKS_URL: identityProvider.identity.jwksUrl,
          JOINED_UP_SECTORS: sectors,
          // As at the gateway: the suite's handful of callers are not what is under test.
          JOINED_UP_RATE_LIMIT: '100000000',
        };
        const entryPoint = `subgraphs/${entry.name}/src/main.ts`;
        const first = watch(entry.name, await startServiceProcess(entryPoint, env));
        const agency: ChaosAgency = {
          name: entry.name,
          displayName: entry.displayName,
          database,
          proxy: await startFaultyProxy(first.url),
          process: first,
          signal: (signal) => send(agency.process, signal),
          start: async () => {
            expected.add(agency.process);
            agency.process = watch(entry.name, await startServiceProcess(entryPoint, env));
            agency.proxy.retarget(agency.process.url);
          },
        };
        agencies.push(agency);
      }),
    );
    agencies.sort((a, b) => entries.findIndex((e) => e.name === a.name) - entries.findIndex((e) => e.name === b.name));
    const gatewayEnv: Record<string, string> = {
      NODE_ENV: 'test',
      GATEWAY_PORT: '0',
      JOINED_UP_JWKS_URL: identityProvider.identity.jwksUrl,
      GATEWAY_SUBGRAPH_TIMEOUT_MS: String(settings.agencyTimeoutMs),
      GATEWAY_REQUEST_TIMEOUT_MS: String(settings.requestTimeoutMs),
      GATEWAY_BREAKER_FAILURES: String(settings.breakerFailures),
      GATEWAY_BREAKER_HALF_OPEN_MS: String(settings.halfOpenAfterMs),
      GATEWAY_SHUTDOWN_GRACE_MS: String(settings.shutdownGraceMs),
      // Every request of the suite comes from a handful of callers: the rate limit is not under test.
      GATEWAY_RATE_LIMIT: '100000000',
      ...Object.fromEntries(
        entries.map((entry) => [entry.urlVariable, agencies.find((agency) => agency.name === entry.name)!.proxy.url]),
      ),
    };
    const startGateway = async (): Promise<void> => {
      if (gateway) expected.add(gateway);
      gateway = watch('gateway', await startServiceProcess('gateway/src/main.ts', gatewayEnv));
    };
    await startGateway();
    return {
      agencies,
      agency: (name) => {
        const found = agencies.find((agency) => agency.name === name);
        if (!found) throw new Error(`No agency ${name}`);
        return found;
      },
      get gateway() {
        return gateway!;
      },
      signalGateway: (signal) => send(gateway!, signal),
      startGateway,
      tokenFor: (username) => identityProvider.tokenFor(username),
      unexpectedExits: () => [...exits],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}
