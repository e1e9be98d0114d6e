import {
  configurationError,
  developmentIdentity,
  type Env,
  parseEnvironment,
  parseHost,
  parsePort,
} from '@joined-up/core';

/** The development identity provider's settings, read once at start-up. */
export interface IdentityProviderConfig {
  port: number;
  /** IDENTITY_HOST: where it listens; loopback unless set (a container sets 0.0.0.0). */
  host: string | undefined;
  issuer: string;
  audience: string;
  /** Where the signing key is kept (created on first start). */
  keyPath: string;
}

/**
 * IDENTITY_PORT, IDENTITY_HOST, IDENTITY_KEY_PATH, JOINED_UP_ISSUER and JOINED_UP_AUDIENCE. It signs a token for
 * anyone who asks, as any demo user: with NODE_ENV=production it refuses to start, so a
 * production deployment cannot be left trusting it by mistake.
 */
export function loadIdentityProviderConfig(env: Env, defaultKeyPath: string): IdentityProviderConfig {
  const problems: string[] = [];
  const port = parsePort(env['IDENTITY_PORT'], 4100, 'IDENTITY_PORT', problems);
  if (parseEnvironment(env['NODE_ENV'], problems) === 'production') {
    problems.push(
      'NODE_ENV is production: the development identity provider ' +
        'signs tokens for anyone and must not run in production; ' +
        'point JOINED_UP_ISSUER and JOINED_UP_JWKS_URL at a real OIDC ' +
        'issuer instead',
    );
  }
  if (problems.length > 0) throw configurationError(problems);
  return {
    port,
    host: parseHost(env['IDENTITY_HOST'], 'development'),
    issuer: env['JOINED_UP_ISSUER'] ?? developmentIdentity.issuer,
    audience: env['JOINED_UP_AUDIENCE'] ?? developmentIdentity.audience,
    keyPath: env['IDENTITY_KEY_PATH'] ?? defaultKeyPath,
  };
}
