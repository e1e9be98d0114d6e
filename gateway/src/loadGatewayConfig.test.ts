import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './loadGatewayConfig.ts';

describe('loadGatewayConfig', () => {
  it('uses development defaults and the subgraph list', () => {
    const config = loadGatewayConfig({});
    expect(config.port).toBe(4000);
    expect(config.environment).toBe('development');
    expect(config.subgraphs.map((subgraph) => [subgraph.name, subgraph.url])).toEqual([
      ['health', 'http://localhost:4001/graphql'],
      ['social-care', 'http://localhost:4002/graphql'],
      ['voluntary-sector', 'http://localhost:4003/graphql'],
    ]);
    expect(config.supergraphSdl).toContain('join__Graph');
  });

  it('lets each subgraph URL be overridden, as containers need', () => {
    const config = loadGatewayConfig({ SOCIAL_CARE_URL: 'http://social-care:4002/graphql', NODE_ENV: 'production' });
    expect(config.subgraphs[1]).toEqual({ name: 'social-care', displayName: 'Riverside Council Adult Social Care', url: 'http://social-care:4002/graphql' });
    expect(config.environment).toBe('production');
  });

  it('reports every problem at once', () => {
    expect(() => loadGatewayConfig({ GATEWAY_PORT: 'eighty', NODE_ENV: 'staging', GATEWAY_MAX_BODY_BYTES: '-1', JOINED_UP_JWKS_URL: 'not a url' })).toThrowError(
      [
        'Invalid configuration:',
        '  - GATEWAY_PORT must be a port number from 0 to 65535, got "eighty"',
        '  - JOINED_UP_JWKS_URL must be a URL, got "not a url"',
        '  - NODE_ENV must be development, production or test, got "staging"',
        '  - GATEWAY_MAX_BODY_BYTES must be a positive whole number, got "-1"',
      ].join('\n'),
    );
  });
});
