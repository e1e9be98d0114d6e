import { createError } from './errorCodes.ts';

/** Where a service finds the identity provider's keys and what its tokens must say. */
export interface IdentityConfig {
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim. */
  audience: string;
  /** URL of the issuer's JSON Web Key Set. */
  jwksUrl: string;
}

/** Everything an agency subgraph needs to run, parsed once at start-up. */
export interface SubgraphConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** PostgreSQL connection string; when absent the subgraph uses embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder for the embedded PGlite database. */
  dataDir: string;
  identity: IdentityConfig;
  /** pino log level. */
  logLevel: string;
  /** "production" turns off introspection and hides error details. */
  environment: 'development' | 'production' | 'test';
  /** Demo population to seed into an empty database, or false not to seed. */
  seed: { people: number } | false;
}

/** The demo population's size when none is configured. */
export const defaultSeedPeople = 3000;

/** The development identity provider's defaults, used when no issuer is configured. */
export const developmentIdentity: IdentityConfig = {
  issuer: 'https://identity.joined-up.dev',
  audience: 'joined-up',
  jwksUrl: 'http://localhost:4100/.well-known/jwks.json',
};

type Env = Record<string, string | undefined>;

/**
 * Reads a subgraph's configuration from environment variables prefixed with the agency's
 * name (HEALTH_PORT, HEALTH_DATABASE_URL, ...), falling back to shared JOINED_UP_* values.
 * All problems are reported together so an operator fixes them in one go.
 */
export function loadSubgraphConfig(
  env: Env,
  agency: { prefix: string; defaultPort: number; defaultDataDir: string },
): SubgraphConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => env[`${agency.prefix}_${name}`] ?? env[`JOINED_UP_${name}`];
  const port = parsePort(read('PORT'), agency.defaultPort, `${agency.prefix}_PORT`, problems);
  const environment = parseEnvironment(env['NODE_ENV'], problems);
  const config: SubgraphConfig = {
    port,
    databaseUrl: read('DATABASE_URL') || undefined,
    dataDir: read('DATA_DIR') ?? agency.defaultDataDir,
    identity: loadIdentityConfig(env, problems),
    logLevel: read('LOG_LEVEL') ?? 'info',
    environment,
    seed: parseSeed(env, problems),
  };
  if (problems.length > 0) throw configurationError(problems);
  return config;
}

/** Reads the shared identity settings (JOINED_UP_ISSUER, JOINED_UP_AUDIENCE, JOINED_UP_JWKS_URL). */
export function loadIdentityConfig(env: Env, problems: string[]): IdentityConfig {
  const identity: IdentityConfig = {
    issuer: env['JOINED_UP_ISSUER'] ?? developmentIdentity.issuer,
    audience: env['JOINED_UP_AUDIENCE'] ?? developmentIdentity.audience,
    jwksUrl: env['JOINED_UP_JWKS_URL'] ?? developmentIdentity.jwksUrl,
  };
  if (!isUrl(identity.jwksUrl)) problems.push(`JOINED_UP_JWKS_URL must be a URL, got "${identity.jwksUrl}"`);
  return identity;
}

export function parsePort(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number from 0 to 65535, got "${raw}"`);
    return fallback;
  }
  return port;
}

export function parseEnvironment(raw: string | undefined, problems: string[]): SubgraphConfig['environment'] {
  if (raw === undefined || raw === '' || raw === 'development') return 'development';
  if (raw === 'production' || raw === 'test') return raw;
  problems.push(`NODE_ENV must be development, production or test, got "${raw}"`);
  return 'development';
}

export function configurationError(problems: string[]): Error {
  return new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
    cause: createError('BAD_USER_INPUT', 'Invalid configuration', { problems }),
  });
}

/** JOINED_UP_SEED=false turns seeding off; JOINED_UP_PEOPLE sets the demo population's size. */
export function parseSeed(env: Env, problems: string[]): SubgraphConfig['seed'] {
  if (env['JOINED_UP_SEED'] === 'false') return false;
  const raw = env['JOINED_UP_PEOPLE'];
  if (raw === undefined || raw === '') return { people: defaultSeedPeople };
  const people = Number(raw);
  if (!Number.isInteger(people) || people < 2 || people > 900_000) {
    problems.push(`JOINED_UP_PEOPLE must be a whole number from 2 to 900000, got "${raw}"`);
    return { people: defaultSeedPeople };
  }
  return { people };
}

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
