import type { AppClientConfig } from './AppClientConfig.ts';

/**
 * The app's Content Security Policy: its own scripts, styles, images and fonts only (nothing
 * inline, no CDN), and network calls to the gateway and the identity provider alone.
 */
export function contentSecurityPolicy(config: AppClientConfig): string {
  const gateway = new URL(config.gatewayUrl).origin;
  const identity = new URL(config.signIn.kind === 'demo' ? config.signIn.identityProviderUrl : config.signIn.issuer)
    .origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${gateway} ${identity}`,
    `form-action 'self' ${identity}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
