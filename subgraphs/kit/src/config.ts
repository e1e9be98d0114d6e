import {
  type Env,
  type Environment,
  type IdentityConfig,
  configurationError,
  loadIdentityConfig,
  parseEnvironment,
  parseHost,
  parsePort,
  parseOtlpEndpoint,
  type RateLimit,
} from '@joined-up/core';
import { join } from 'node:path';
import { defaultSubgraphLimits } from './subgraphLimits.ts';

/** Everything an agency subgraph needs to run, parsed once at start-up. */
export interface SubgraphConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** <AGENCY>_HOST or JOINED_UP_HOST: the address listened on; loopback outside production unless set. */
  host: string | undefined;
  /** PostgreSQL connection string; when absent the subgraph uses embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder for the embedded PGlite database. */
  dataDir: string;
  identity: IdentityConfig;
  /** pino log level. */
  logLevel: string;
  /** "production" turns off introspection and hides error details. */
  environment: Environment;
  /** Demo population to seed into an empty database, or false not to seed. */
  seed: { people: number } | false;
  /**
   * The partnership's sectors (health, social-care, ...): what a person's sharing decisions may
   * name. Configuration, not code, so a sector joins without anyone redeploying.
   */
  sectors: string[];
  /** Longest wait on SIGTERM for requests in flight (writes included) to finish before the rest are cut. */
  shutdownGraceMs: number;
  /** JOINED_UP_SCHEMA_READER_ROLES: roles that may read `_service { sdl }` in production. */
  schemaReaderRoles: string[];
  /** Where traces go (OTLP/HTTP); undefined, tracing is off. */
  otlpEndpoint: string | undefined;
  /**
   * Whether to migrate the database on start. A deployment that migrates as the database's owner
   * beforehand (`--migrate`) runs the service as a runtime role that may not change the schema.
   */
  migrate: boolean;
  /**
   * <AGENCY>_RUNTIME_ROLE: the PostgreSQL role the service runs as. Migrating (`--migrate`, or on
   * start) as the owner then grants it what serving needs: its tables read and written, the audit
   * only read and appended to. Unset, nothing is granted.
   */
  runtimeRole: string | undefined;
  /**
   * Requests one caller (the token's subject) may make in a window, counted by this subgraph. The
   * gateway forwards every user's own token, so this is per user; a deployment whose gateway
   * allows more than the default (GATEWAY_RATE_LIMIT) raises this with it.
   */
  rateLimit: RateLimit;
  /** NATS_URL: the NATS JetStream the outbox is relayed to; without it, events wait in the outbox. */
  natsUrl: string | undefined;
  /**
   * JOINED_UP_GATEWAY_URL: the gateway's GraphQL URL, through which the agency reads the
   * relationships other agencies record (a council's allocation) that its policy accepts. Unset,
   * it decides on its own data alone.
   */
  gatewayUrl: string | undefined;
}

/** The demo population's size when none is configured. */
export const defaultSeedPeople = 3000;

/**
 * Reads a subgraph's configuration from environment variables prefixed with the agency's
 * name (HEALTH_PORT, HEALTH_DATABASE_URL, ...), falling back to shared JOINED_UP_* values.
 * All problems are reported together so an operator fixes them in one go.
 */
export function loadSubgraphConfig(
  env: Env,
  agency: { prefix: string; name: string; defaultPort: number; sector: string },
): SubgraphConfig {
  const problems: string[] = [];
  // Port and database are the agency's own; only the log level falls back to a shared setting.
  const port = parsePort(env[`${agency.prefix}_PORT`], agency.defaultPort, `${agency.prefix}_PORT`, problems);
  const environment = parseEnvironment(env['NODE_ENV'], problems);
  const config: SubgraphConfig = {
    port,
    host: parseHost(env[`${agency.prefix}_HOST`] || env['JOINED_UP_HOST'], environment),
    databaseUrl: env[`${agency.prefix}_DATABASE_URL`] || undefined,
    // <AGENCY>_DATA_DIR is the agency's own folder; JOINED_UP_DATA_DIR holds every agency's, one each.
    dataDir: env[`${agency.prefix}_DATA_DIR`] || join(env['JOINED_UP_DATA_DIR'] || '.data', agency.name),
    identity: loadIdentityConfig(env, problems),
    logLevel: env[`${agency.prefix}_LOG_LEVEL`] ?? env['JOINED_UP_LOG_LEVEL'] ?? 'info',
    environment,
    seed: parseSeed(env, environment, problems),
    sectors: parseSectors(env['JOINED_UP_SECTORS'], agency.sector, problems),
    shutdownGraceMs: parseGraceMs(
      env[`${agency.prefix}_SHUTDOWN_GRACE_MS`] ?? env['JOINED_UP_SHUTDOWN_GRACE_MS'],
      `${agency.prefix}_SHUTDOWN_GRACE_MS`,
      problems,
    ),
    otlpEndpoint: parseOtlpEndpoint(env, problems),
    schemaReaderRoles: (env['JOINED_UP_SCHEMA_READER_ROLES'] || 'schema-reader')
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean),
    migrate: parseMigrate(env[`${agency.prefix}_MIGRATE`], `${agency.prefix}_MIGRATE`, problems),
    natsUrl: env['NATS_URL'] || undefined,
    gatewayUrl: parseGatewayUrl(env['JOINED_UP_GATEWAY_URL'], problems),
    runtimeRole: parseRuntimeRole(env, agency.prefix, problems),
    rateLimit: {
      limit: parsePositive(env, [`${agency.prefix}_RATE_LIMIT`, 'JOINED_UP_RATE_LIMIT'], defaultRate.limit, problems),
      windowSeconds: parsePositive(
        env,
        [`${agency.prefix}_RATE_WINDOW_SECONDS`, 'JOINED_UP_RATE_WINDOW_SECONDS'],
        defaultRate.windowSeconds,
        problems,
      ),
    },
  };
  if (problems.length > 0) throw configurationError(problems);
  return config;
}

/**
 * Whether to seed the demo population into a database that has none, and how many people.
 * JOINED_UP_SEED (true or false) decides; unset, development and test seed and production never
 * does, so a real agency's database gets no made-up people unless someone asks for them.
 * JOINED_UP_PEOPLE sets the population's size.
 */
export function parseSeed(env: Env, environment: Environment, problems: string[]): SubgraphConfig['seed'] {
  const asked = env['JOINED_UP_SEED'];
  if (asked !== undefined && asked !== '' && asked !== 'true' && asked !== 'false') {
    problems.push(`JOINED_UP_SEED must be true or false, got "${asked}"`);
  }
  if (asked === 'false' || ((asked === undefined || asked === '') && environment === 'production')) return false;
  const raw = env['JOINED_UP_PEOPLE'];
  if (raw === undefined || raw === '') return { people: defaultSeedPeople };
  const people = Number(raw);
  if (!Number.isInteger(people) || people < 2 || people > 900_000) {
    problems.push(`JOINED_UP_PEOPLE must be a whole number from 2 to 900000, got "${raw}"`);
    return { people: defaultSeedPeople };
  }
  return { people };
}

const defaultRate = defaultSubgraphLimits.rateLimit;

/** The first of `names` that is set, as a positive whole number; `fallback` when none is. */
function parsePositive(env: Env, names: string[], fallback: number, problems: string[]): number {
  const name = names.find((candidate) => env[candidate] !== undefined && env[candidate] !== '');
  if (name === undefined) return fallback;
  const value = Number(env[name]);
  if (Number.isInteger(value) && value >= 1) return value;
  problems.push(`${name} must be a positive whole number, got "${env[name]}"`);
  return fallback;
}

/** <AGENCY>_MIGRATE: true (the default) or false. */
function parseMigrate(raw: string | undefined, name: string, problems: string[]): boolean {
  if (raw === undefined || raw === '' || raw === 'true') return true;
  if (raw === 'false') return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return true;
}

const rolePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** <AGENCY>_RUNTIME_ROLE: a PostgreSQL role name, meaningful only with <AGENCY>_DATABASE_URL (PGlite has no roles). */
function parseRuntimeRole(env: Env, prefix: string, problems: string[]): string | undefined {
  const name = `${prefix}_RUNTIME_ROLE`;
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!rolePattern.test(raw))
    problems.push(`${name} must be a PostgreSQL role name (lower-case letters, digits, _), got "${raw}"`);
  else if (!env[`${prefix}_DATABASE_URL`])
    problems.push(`${name} needs ${prefix}_DATABASE_URL: embedded PGlite has one user and no roles to grant`);
  return raw;
}

/** <AGENCY>_SHUTDOWN_GRACE_MS or JOINED_UP_SHUTDOWN_GRACE_MS: milliseconds, 10000 when unset. */
function parseGraceMs(raw: string | undefined, name: string, problems: string[]): number {
  if (raw === undefined || raw === '') return 10_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    problems.push(`${name} must be a non-negative whole number of milliseconds, got "${raw}"`);
    return 10_000;
  }
  return value;
}

const sectorPattern = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * JOINED_UP_SECTORS: the partnership's sectors, separated by commas. The agency's own sector is
 * always among them; unset, it is the only one, and a sharing decision naming another is refused.
 */
export function parseSectors(raw: string | undefined, ownSector: string, problems: string[]): string[] {
  const listed = (raw ?? '')
    .split(',')
    .map((sector) => sector.trim())
    .filter(Boolean);
  const bad = listed.filter((sector) => !sectorPattern.test(sector));
  if (bad.length > 0)
    problems.push(`JOINED_UP_SECTORS must list sectors such as social-care, got "${bad.join('", "')}"`);
  return [...new Set([ownSector, ...listed.filter((sector) => sectorPattern.test(sector))])];
}

function parseGatewayUrl(value: string | undefined, problems: string[]): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // Reported below, with every other problem.
  }
  problems.push(`JOINED_UP_GATEWAY_URL must be an http(s) URL, got "${value}"`);
  return undefined;
}
