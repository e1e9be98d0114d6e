import { readFileSync } from 'node:fs';
import { configurationError, type IdentityConfig, loadIdentityConfig, parseEnvironment, parsePort } from '@joined-up/kit';
import { readSubgraphList, supergraphPath } from '@joined-up/schema';
import type { GatewaySubgraph } from './createGateway.ts';

/** The gateway's settings, read once from the environment at start-up. */
export interface GatewayConfig {
  port: number;
  supergraphSdl: string;
  subgraphs: GatewaySubgraph[];
  identity: IdentityConfig;
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  maxBodyBytes: number;
  subgraphTimeoutMs: number;
  identityProviderUrl: string | undefined;
}

/**
 * GATEWAY_PORT, GATEWAY_SUPERGRAPH_PATH, GATEWAY_MAX_BODY_BYTES, GATEWAY_SUBGRAPH_TIMEOUT_MS,
 * each subgraph's URL variable from schema/subgraphs.json (HEALTH_URL, ...), and the shared
 * JOINED_UP_* identity settings. All problems are reported together.
 */
export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const problems: string[] = [];
  const path = env['GATEWAY_SUPERGRAPH_PATH'] ?? supergraphPath;
  let supergraphSdl = '';
  try {
    supergraphSdl = readFileSync(path, 'utf8');
  } catch {
    problems.push(`GATEWAY_SUPERGRAPH_PATH: cannot read ${path}; run \`npm run compose\``);
  }
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive whole number, got "${raw}"`);
    return value;
  };
  const config: GatewayConfig = {
    port: parsePort(env['GATEWAY_PORT'], 4000, 'GATEWAY_PORT', problems),
    supergraphSdl,
    subgraphs: readSubgraphList().map((entry) => ({ name: entry.name, displayName: entry.displayName, url: env[entry.urlVariable] ?? entry.url })),
    identity: loadIdentityConfig(env, problems),
    environment: parseEnvironment(env['NODE_ENV'], problems),
    logLevel: env['GATEWAY_LOG_LEVEL'] ?? env['JOINED_UP_LOG_LEVEL'] ?? 'info',
    maxBodyBytes: positive('GATEWAY_MAX_BODY_BYTES', 100_000),
    subgraphTimeoutMs: positive('GATEWAY_SUBGRAPH_TIMEOUT_MS', 10_000),
    identityProviderUrl: env['JOINED_UP_IDENTITY_PROVIDER_URL'],
  };
  if (problems.length > 0) throw configurationError(problems);
  return config;
}
