import { type Env, parseOtlpEndpoint, parsePort } from '@joined-up/core';
import { maxPopulationSize } from '@joined-up/population';
import { dataDirOf } from './paths.ts';

/** What `npm start` runs where, read once from the environment. */
export interface StartConfig {
  ports: { gateway: number; identity: number; app: number; subgraphs: Record<string, number> };
  /** Folder holding every agency's PGlite database and the signing key. */
  dataDir: string;
  /** PostgreSQL per agency, where <AGENCY>_DATABASE_URL is set. */
  databaseUrls: Record<string, string | undefined>;
  /** Agencies already running elsewhere (<AGENCY>_URL): not started here, the gateway calls them there. */
  externalUrls: Record<string, string>;
  people: number;
  logLevel: string;
  /** Where traces go (OTLP/HTTP); undefined, tracing is off. */
  otlpEndpoint: string | undefined;
}

/**
 * GATEWAY_PORT, IDENTITY_PORT, APP_PORT, and for each agency <AGENCY>_PORT, <AGENCY>_DATABASE_URL and
 * <AGENCY>_URL; JOINED_UP_PEOPLE, JOINED_UP_DATA_DIR and JOINED_UP_LOG_LEVEL. All problems are
 * reported together.
 */
export function loadStartConfig(
  env: Env,
  agencies: ReadonlyArray<{ name: string; prefix: string; port: number }>,
): StartConfig {
  const problems: string[] = [];
  const config: StartConfig = {
    ports: {
      gateway: parsePort(env['GATEWAY_PORT'], 4000, 'GATEWAY_PORT', problems),
      identity: parsePort(env['IDENTITY_PORT'], 4100, 'IDENTITY_PORT', problems),
      app: parsePort(env['APP_PORT'], 3000, 'APP_PORT', problems),
      subgraphs: Object.fromEntries(
        agencies.map(({ name, prefix, port }) => [
          name,
          parsePort(env[`${prefix}_PORT`], port, `${prefix}_PORT`, problems),
        ]),
      ),
    },
    dataDir: dataDirOf(env),
    databaseUrls: Object.fromEntries(
      agencies.map(({ name, prefix }) => [name, env[`${prefix}_DATABASE_URL`] || undefined]),
    ),
    externalUrls: Object.fromEntries(
      agencies.flatMap(({ name, prefix }) => {
        const url = env[`${prefix}_URL`];
        return url ? [[name, url]] : [];
      }),
    ),
    people: 0,
    logLevel: env['JOINED_UP_LOG_LEVEL'] ?? 'warn',
    otlpEndpoint: parseOtlpEndpoint(env, problems),
  };
  const people = env['JOINED_UP_PEOPLE'];
  config.people = people === undefined || people === '' ? 3000 : Number(people);
  if (!Number.isInteger(config.people) || config.people < 2 || config.people > maxPopulationSize) {
    problems.push(`JOINED_UP_PEOPLE must be a whole number from 2 to ${maxPopulationSize}, got "${people}"`);
  }
  // npm start runs the development identity provider, which signs a token for anyone who asks.
  if (env['NODE_ENV'] === 'production')
    problems.push(
      'NODE_ENV is production: npm start runs the development identity provider, which must not run in production',
    );
  if (problems.length > 0) throw new Error(`Cannot start:\n  - ${problems.join('\n  - ')}`);
  return config;
}
