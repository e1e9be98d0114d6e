import { join } from 'node:path';
import { type GatewayOptions, serveDirectory, startGateway } from '@joined-up/gateway';
import {
  createInProcessEngine,
  createLogger,
  type EventEngine,
  type ExternalIssuer,
  listen,
  type RunningServer,
} from '@joined-up/core';
import { type RunningSubgraph, runSubgraph, type SeedProgress, type SubgraphLimits } from '@joined-up/kit';
import { partnershipSectors, readSubgraphList, supergraphPath } from '@joined-up/schema';
import { readFileSync } from 'node:fs';
import { loadAgencyModules } from './loadAgencyModules.ts';
import { createIdentityProvider } from './createIdentityProvider.ts';
import type { SigningKey } from './signingKey.ts';

export interface FederationOptions {
  /** Ports; 0 (the default) picks free ones, as tests do. */
  ports?: { gateway?: number; identity?: number; directory?: number; subgraphs?: Record<string, number> };
  /** Folder for PGlite databases, one subfolder per agency; undefined keeps them in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL URL per agency; an agency listed here uses PostgreSQL instead of PGlite. */
  databaseUrls?: Record<string, string | undefined>;
  /** Demo population size for first-start seeding. */
  people: number;
  key: SigningKey;
  issuer: string;
  audience: string;
  environment: 'development' | 'production' | 'test';
  logLevel?: string;
  /** Agencies not to start, to see how the graph behaves when one is down. */
  without?: string[];
  /** Agencies running elsewhere, by name: not started here; the gateway calls them at these URLs. */
  externalUrls?: Record<string, string>;
  onSeedProgress?: (agency: string) => SeedProgress;
  /** Overrides of the gateway's own options (its limits, or its environment alone), for tests. */
  gateway?: Partial<GatewayOptions>;
  /** The event engine every agency's outbox is relayed to. @default an in-process engine, closed on stop */
  events?: EventEngine;
  /**
   * How long each agency waits for the gateway's answer about relationships other agencies record,
   * before deciding on its own data alone. @default 1500
   */
  relationshipsTimeoutMs?: number;
  /** Overrides of every subgraph's own limits (a load test's rate, say). */
  subgraphLimits?: Partial<SubgraphLimits>;
  /** Real OIDC issuers every service accepts beside the development one (staff, citizens). */
  externalIssuers?: ExternalIssuer[];
}

// Every service of a federation started in one process is for the developer's machine alone:
// nobody on the network reaches an agency around the gateway, or the gateway itself.
const loopback = '127.0.0.1';

/** The whole system running in one process: identity provider, every agency, and the gateway. */
export interface Federation {
  gateway: RunningServer;
  identity: RunningServer;
  /**
   * The directory (person, people) over HTTP, for another engine in front of the same subgraphs;
   * our gateway runs it in its own process and never calls this.
   */
  directory: { url: string; stop(): Promise<void> };
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * Starts every service in this process, each on its own port with its own database, talking
 * over real HTTP exactly as separate containers would. Used by `npm start` and the end-to-end tests.
 */
export async function startFederation(options: FederationOptions): Promise<Federation> {
  // Its identity provider signs a token for anyone who asks: a production federation trusts a real one.
  if (options.environment === 'production')
    throw new Error(
      'startFederation runs the development identity provider, which must not run in production; ' +
        'run each service on its own, trusting a real OIDC issuer (JOINED_UP_ISSUER, JOINED_UP_STAFF_ISSUER, ...).',
    );
  const level = options.logLevel ?? 'info';
  const identity = await listen(
    createIdentityProvider({ issuer: options.issuer, audience: options.audience, key: options.key }),
    options.ports?.identity ?? 0,
    '/',
    undefined,
    { host: loopback },
  );
  const identityConfig = {
    issuer: options.issuer,
    audience: options.audience,
    jwksUrl: `http://localhost:${identity.port}/.well-known/jwks.json`,
    ...(options.externalIssuers ? { externalIssuers: options.externalIssuers } : {}),
  };
  const started: Record<string, RunningSubgraph> = {};
  // Every service is in this process, so with no broker an in-process engine carries their events.
  const events = options.events ?? createInProcessEngine();
  const closeEvents = async () => {
    if (!options.events) await events.close();
  };
  // Agencies read the relationships other agencies record through the gateway, which starts after them.
  let gatewayUrl: string | undefined;
  const entries = readSubgraphList();
  const sectors = partnershipSectors(entries);
  try {
    const agencies = await loadAgencyModules(entries);
    await Promise.all(
      agencies
        .filter(
          ({ module }) => !options.without?.includes(module.agency.name) && !options.externalUrls?.[module.agency.name],
        )
        .map(async ({ module }) => {
          const name = module.agency.name;
          started[name] = await runSubgraph(module, {
            port: options.ports?.subgraphs?.[name] ?? 0,
            host: loopback,
            databaseUrl: options.databaseUrls?.[name],
            dataDir: options.dataDir ? join(options.dataDir, name) : undefined,
            identity: identityConfig,
            environment: options.environment,
            seed: {
              people: options.people,
              ...(options.onSeedProgress ? { onProgress: options.onSeedProgress(name) } : {}),
            },
            logger: createLogger(name, level),
            sectors,
            events,
            gatewayUrl: () => gatewayUrl,
            ...(options.relationshipsTimeoutMs ? { relationshipsTimeoutMs: options.relationshipsTimeoutMs } : {}),
            ...(options.subgraphLimits ? { limits: options.subgraphLimits } : {}),
          });
        }),
    );
    // An agency left out keeps a URL where nothing listens, so the gateway meets a refused connection.
    const subgraphs = entries.map((entry) => ({
      name: entry.name,
      displayName: entry.displayName,
      url: options.externalUrls?.[entry.name] ?? started[entry.name]?.url ?? `http://127.0.0.1:9/graphql`,
    }));
    const directory = await serveDirectory(options.ports?.directory ?? 0);
    const gateway = await startGateway({
      port: options.ports?.gateway ?? 0,
      host: loopback,
      supergraph: { sdl: readFileSync(supergraphPath, 'utf8') },
      subgraphs,
      identity: identityConfig,
      environment: options.environment,
      logger: createLogger('gateway', level),
      identityProviderUrl: `http://localhost:${identity.port}`,
      events,
      ...options.gateway,
    });
    gatewayUrl = gateway.url;
    return {
      gateway,
      identity,
      directory,
      subgraphs: started,
      stop: async () => {
        await gateway.stop();
        await directory.stop();
        await Promise.all(Object.values(started).map((subgraph) => subgraph.stop()));
        await closeEvents();
        await identity.stop();
      },
    };
  } catch (error) {
    await Promise.all(Object.values(started).map((subgraph) => subgraph.stop()));
    await closeEvents();
    await identity.stop();
    throw error;
  }
}
