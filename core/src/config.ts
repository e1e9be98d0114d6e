import { createError } from './errorCodes.ts';
import { type ExternalIssuer, loadExternalIssuers } from './loadExternalIssuers.ts';

/** Where a service finds the identity provider's keys and what its tokens must say. */
export interface IdentityConfig {
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim. */
  audience: string;
  /** URL of the issuer's JSON Web Key Set. */
  jwksUrl: string;
  /**
   * Real OpenID Connect issuers accepted beside this one, each with its own keys and claim
   * mapping: staff (CIS2-style) and citizens (NHS login-style). @default []
   */
  externalIssuers?: ExternalIssuer[];
}

/** How a service runs: "production" turns off introspection, the explorer and error details. */
export type Environment = 'development' | 'production' | 'test';

/** The development identity provider's defaults, used when no issuer is configured. */
export const developmentIdentity: IdentityConfig = {
  issuer: 'https://identity.joined-up.dev',
  audience: 'joined-up',
  jwksUrl: 'http://localhost:4100/.well-known/jwks.json',
};

/** Environment variables, as process.env holds them. */
export type Env = Record<string, string | undefined>;

/**
 * Reads the shared identity settings (JOINED_UP_ISSUER, JOINED_UP_AUDIENCE, JOINED_UP_JWKS_URL), and
 * the external staff and citizen issuers (JOINED_UP_STAFF_*, JOINED_UP_CITIZEN_*: loadExternalIssuers).
 */
export function loadIdentityConfig(env: Env, problems: string[]): IdentityConfig {
  const identity: IdentityConfig = {
    issuer: env['JOINED_UP_ISSUER'] ?? developmentIdentity.issuer,
    audience: env['JOINED_UP_AUDIENCE'] ?? developmentIdentity.audience,
    jwksUrl: env['JOINED_UP_JWKS_URL'] ?? developmentIdentity.jwksUrl,
  };
  const externalIssuers = loadExternalIssuers(env, problems);
  if (externalIssuers.length > 0) identity.externalIssuers = externalIssuers;
  if (!isUrl(identity.jwksUrl)) problems.push(`JOINED_UP_JWKS_URL must be a URL, got "${identity.jwksUrl}"`);
  return identity;
}

/** A TCP port from 0 (any free one) to 65535, or `fallback` when unset. */
export function parsePort(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number from 0 to 65535, got "${raw}"`);
    return fallback;
  }
  return port;
}

/**
 * The address a service listens on: the variable's value when set, otherwise loopback outside
 * production, so that a developer's subgraphs and gateway are not reachable from the network
 * (only the gateway should be reached at all, and only through it the agencies). Production,
 * in a container, listens on every interface and leaves reachability to the network.
 */
export function parseHost(raw: string | undefined, environment: Environment): string | undefined {
  if (raw !== undefined && raw.trim() !== '') return raw.trim();
  return environment === 'production' ? undefined : '127.0.0.1';
}

/** NODE_ENV: development (the default), production or test. */
export function parseEnvironment(raw: string | undefined, problems: string[]): Environment {
  if (raw === undefined || raw === '' || raw === 'development') return 'development';
  if (raw === 'production' || raw === 'test') return raw;
  problems.push(`NODE_ENV must be development, production or test, got "${raw}"`);
  return 'development';
}

/** One error listing every configuration problem, so an operator fixes them in one go. */
export function configurationError(problems: string[]): Error {
  return new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
    cause: createError('BAD_USER_INPUT', 'Invalid configuration', { problems }),
  });
}

/** True when `value` parses as an absolute URL. */
export function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT, OpenTelemetry's own name for where traces go (an OTLP/HTTP
 * collector such as http://collector:4318); unset, tracing is off and costs nothing.
 */
export function parseOtlpEndpoint(env: Env, problems: string[]): string | undefined {
  const endpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT'] || undefined;
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) {
    problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  return endpoint;
}
