import { configurationError, type Env, isUrl, parsePort } from '@joined-up/core';
import type { AppClientConfig } from './AppClientConfig.ts';

/** The app server's settings, read once from the environment at start-up. */
export interface AppConfig {
  port: number;
  client: AppClientConfig;
  logLevel: string;
}

/**
 * APP_PORT, APP_GATEWAY_URL, and how to sign in: APP_IDENTITY_PROVIDER_URL for the development
 * identity provider's demo users, or APP_OIDC_ISSUER and APP_OIDC_CLIENT_ID (with APP_OIDC_SCOPE
 * and APP_OIDC_AUDIENCE) for a real OpenID Connect issuer; production must use an issuer.
 */
export function loadAppConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const url = (name: string, fallback?: string): string => {
    const value = env[name] || fallback;
    if (value === undefined) {
      problems.push(`${name} must be set`);
      return 'http://invalid';
    }
    if (!isUrl(value) || !/^https?:\/\//.test(value)) problems.push(`${name} must be an http(s) URL, got "${value}"`);
    return value;
  };
  const production = env['NODE_ENV'] === 'production';
  const issuer = env['APP_OIDC_ISSUER'];
  let signIn: AppClientConfig['signIn'];
  if (issuer) {
    const clientId = env['APP_OIDC_CLIENT_ID'];
    if (!clientId) problems.push('APP_OIDC_CLIENT_ID must be set with APP_OIDC_ISSUER');
    signIn = {
      kind: 'oidc',
      issuer: url('APP_OIDC_ISSUER'),
      clientId: clientId ?? '',
      ...(env['APP_OIDC_SCOPE'] ? { scope: env['APP_OIDC_SCOPE'] } : {}),
      ...(env['APP_OIDC_AUDIENCE'] ? { audience: env['APP_OIDC_AUDIENCE'] } : {}),
    };
  } else {
    // Demo users sign in without a password: never in production.
    if (production) problems.push('APP_OIDC_ISSUER must be set in production: demo users are for development');
    signIn = { kind: 'demo', identityProviderUrl: url('APP_IDENTITY_PROVIDER_URL', 'http://localhost:4100') };
  }
  const config: AppConfig = {
    port: parsePort(env['APP_PORT'], 3000, 'APP_PORT', problems),
    client: { gatewayUrl: url('APP_GATEWAY_URL', 'http://localhost:4000/graphql'), signIn },
    logLevel: env['APP_LOG_LEVEL'] ?? env['JOINED_UP_LOG_LEVEL'] ?? 'info',
  };
  if (problems.length > 0) throw configurationError(problems);
  return config;
}
