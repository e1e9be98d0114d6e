import { supergraphPath } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './loadGatewayConfig.ts';

describe('loadGatewayConfig', () => {
  it('uses development defaults and the subgraph list', () => {
    const config = loadGatewayConfig({});
    expect(config.port).toBe(4000);
    // Loopback outside production: only the developer's own machine reaches it.
    expect(config.host).toBe('127.0.0.1');
    expect(loadGatewayConfig({ NODE_ENV: 'production' }).host).toBeUndefined();
    expect(loadGatewayConfig({ GATEWAY_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(config.workers).toBe(1);
    expect(config.environment).toBe('development');
    expect(config.subgraphs.map((subgraph) => [subgraph.name, subgraph.url])).toEqual([
      ['health', 'http://localhost:4001/graphql'],
      ['social-care', 'http://localhost:4002/graphql'],
      ['voluntary-sector', 'http://localhost:4003/graphql'],
      ['care-coordination', 'http://localhost:4004/graphql'],
      ['hospital', 'http://localhost:4005/graphql'],
    ]);
    expect(config.supergraph).toEqual({ path: supergraphPath });
    expect(config.limits).toEqual({
      maxDepth: 10,
      maxAliases: 15,
      maxDirectives: 50,
      maxCost: 10_000,
      assumedListSize: 10,
      maxTokens: 1_000,
      maxBatchSize: 0,
    });
    expect(config.rateLimit).toEqual({ limit: 300, windowSeconds: 60, redisUrl: undefined });
    expect(config.shutdownGraceMs).toBe(10_000);
    expect(config.requestTimeoutMs).toBe(15_000);
    expect(config.traffic).toEqual({ breakerFailures: 5, halfOpenAfterMs: 10_000, retries: 1 });
    expect(config.subgraphs.every((subgraph) => subgraph.timeoutMs === undefined)).toBe(true);
  });

  it("reads traffic shaping: the deadline, each agency's own timeout, the breaker and retries", () => {
    const config = loadGatewayConfig({
      GATEWAY_REQUEST_TIMEOUT_MS: '8000',
      GATEWAY_SUBGRAPH_TIMEOUT_MS: '4000',
      CARE_COORDINATION_TIMEOUT_MS: '2500',
      GATEWAY_BREAKER_FAILURES: '3',
      GATEWAY_BREAKER_HALF_OPEN_MS: '2000',
      GATEWAY_RETRIES: '0',
    });
    expect(config.requestTimeoutMs).toBe(8000);
    expect(config.subgraphTimeoutMs).toBe(4000);
    expect(config.subgraphs.map((subgraph) => [subgraph.name, subgraph.timeoutMs])).toEqual([
      ['health', undefined],
      ['social-care', undefined],
      ['voluntary-sector', undefined],
      ['care-coordination', 2500],
      ['hospital', undefined],
    ]);
    expect(config.traffic).toEqual({ breakerFailures: 3, halfOpenAfterMs: 2000, retries: 0 });
    expect(() => loadGatewayConfig({ HEALTH_TIMEOUT_MS: 'soon' })).toThrowError(
      'HEALTH_TIMEOUT_MS must be a positive whole number, got "soon"',
    );
  });

  it('reads every request limit and the rate limit', () => {
    const config = loadGatewayConfig({
      GATEWAY_MAX_DEPTH: '7',
      GATEWAY_MAX_ALIASES: '0',
      GATEWAY_MAX_DIRECTIVES: '5',
      GATEWAY_MAX_COST: '2000',
      GATEWAY_MAX_TOKENS: '400',
      GATEWAY_MAX_BATCH: '4',
      GATEWAY_RATE_LIMIT: '60',
      GATEWAY_RATE_WINDOW_SECONDS: '10',
      GATEWAY_REDIS_URL: 'redis://redis:6379/0',
    });
    expect(config.limits).toEqual({
      maxDepth: 7,
      maxAliases: 0,
      maxDirectives: 5,
      maxCost: 2000,
      assumedListSize: 10,
      maxTokens: 400,
      maxBatchSize: 4,
    });
    expect(config.rateLimit).toEqual({ limit: 60, windowSeconds: 10, redisUrl: 'redis://redis:6379/0' });
  });

  it('reads the number of worker processes, refusing anything but a positive whole number', () => {
    expect(loadGatewayConfig({ GATEWAY_WORKERS: '2' }).workers).toBe(2);
    for (const workers of ['0', '-2', '1.5', 'all']) {
      expect(() => loadGatewayConfig({ GATEWAY_WORKERS: workers })).toThrowError(
        `Invalid configuration:\n  - GATEWAY_WORKERS must be a positive whole number, got "${workers}"`,
      );
    }
  });

  it('watches the supergraph file named, or polls a supergraph URL instead', () => {
    expect(loadGatewayConfig({ GATEWAY_SUPERGRAPH_PATH: supergraphPath }).supergraph).toEqual({ path: supergraphPath });
    expect(
      loadGatewayConfig({ GATEWAY_SUPERGRAPH_URL: 'https://schemas.example.nhs.uk/supergraph' }).supergraph,
    ).toEqual({ url: 'https://schemas.example.nhs.uk/supergraph', pollIntervalMs: 10_000 });
    expect(
      loadGatewayConfig({
        GATEWAY_SUPERGRAPH_URL: 'http://schema:8080/supergraph',
        GATEWAY_SUPERGRAPH_POLL_SECONDS: '30',
      }).supergraph,
    ).toEqual({ url: 'http://schema:8080/supergraph', pollIntervalMs: 30_000 });
  });

  it('reports every problem with the supergraph at once, without echoing its URL (it may hold a password)', () => {
    expect(() =>
      loadGatewayConfig({
        GATEWAY_SUPERGRAPH_PATH: '/nowhere/supergraph.graphql',
        GATEWAY_SUPERGRAPH_URL: 'ftp://user:secret@schema/supergraph',
        GATEWAY_SUPERGRAPH_POLL_SECONDS: '0.5',
      }),
    ).toThrowError(
      [
        'Invalid configuration:',
        '  - GATEWAY_SUPERGRAPH_POLL_SECONDS must be a positive whole number, got "0.5"',
        '  - GATEWAY_SUPERGRAPH_PATH and GATEWAY_SUPERGRAPH_URL are both set: set only the one to use',
        '  - GATEWAY_SUPERGRAPH_URL must be an http:// or https:// URL',
      ].join('\n'),
    );
    expect(() => loadGatewayConfig({ GATEWAY_SUPERGRAPH_PATH: '/nowhere/supergraph.graphql' })).toThrowError(
      'GATEWAY_SUPERGRAPH_PATH: cannot read /nowhere/supergraph.graphql; run `npm run compose`',
    );
  });

  it('lets each subgraph URL be overridden, as containers need', () => {
    const config = loadGatewayConfig({ SOCIAL_CARE_URL: 'http://social-care:4002/graphql', NODE_ENV: 'production' });
    expect(config.subgraphs[1]).toEqual({
      name: 'social-care',
      displayName: 'Riverside Council Adult Social Care',
      url: 'http://social-care:4002/graphql',
    });
    expect(config.environment).toBe('production');
  });

  it('reports every problem with the limits at once, without echoing a Redis URL (it may hold a password)', () => {
    expect(() =>
      loadGatewayConfig({
        GATEWAY_MAX_DEPTH: '0',
        GATEWAY_MAX_BATCH: '-1',
        GATEWAY_MAX_COST: 'lots',
        GATEWAY_RATE_WINDOW_SECONDS: '1.5',
        GATEWAY_REDIS_URL: 'http://:secret@redis',
      }),
    ).toThrowError(
      [
        'Invalid configuration:',
        '  - GATEWAY_MAX_DEPTH must be a positive whole number, got "0"',
        '  - GATEWAY_MAX_COST must be a positive whole number, got "lots"',
        '  - GATEWAY_MAX_BATCH must be a non-negative whole number, got "-1"',
        '  - GATEWAY_RATE_WINDOW_SECONDS must be a positive whole number, got "1.5"',
        '  - GATEWAY_REDIS_URL must be a redis:// or rediss:// URL',
      ].join('\n'),
    );
  });

  it('reports every problem at once', () => {
    expect(() =>
      loadGatewayConfig({
        GATEWAY_PORT: 'eighty',
        NODE_ENV: 'staging',
        GATEWAY_MAX_BODY_BYTES: '-1',
        JOINED_UP_JWKS_URL: 'not a url',
      }),
    ).toThrowError(
      [
        'Invalid configuration:',
        '  - GATEWAY_PORT must be a port number from 0 to 65535, got "eighty"',
        '  - JOINED_UP_JWKS_URL must be a URL, got "not a url"',
        '  - NODE_ENV must be development, production or test, got "staging"',
        '  - GATEWAY_MAX_BODY_BYTES must be a positive whole number, got "-1"',
      ].join('\n'),
    );
  });

  it('reads the registered operations, whether text must be registered, and the allowed origins', () => {
    const defaults = loadGatewayConfig({});
    expect(defaults.trustedDocuments.refuseUnregistered).toBe(false);
    expect(defaults.trustedDocuments.documents.length).toBeGreaterThan(10);
    expect(defaults.allowedOrigins).toEqual([]);
    const strict = loadGatewayConfig({
      GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true',
      GATEWAY_ALLOWED_ORIGINS: 'http://localhost:3000, https://app.example.nhs.uk',
    });
    expect(strict.trustedDocuments.refuseUnregistered).toBe(true);
    expect(strict.allowedOrigins).toEqual(['http://localhost:3000', 'https://app.example.nhs.uk']);
    expect(() =>
      loadGatewayConfig({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'yes', GATEWAY_ALLOWED_ORIGINS: 'https://app.example/' }),
    ).toThrow(
      /TRUSTED_DOCUMENTS_ONLY must be true or false, got "yes"[\s\S]*"https:\/\/app.example\/" is not an origin/,
    );
  });

  it('reads the proxies believed for the per-address count, and refuses one that is not an address', () => {
    expect(loadGatewayConfig({}).trustedProxies).toEqual([]);
    expect(loadGatewayConfig({ GATEWAY_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => loadGatewayConfig({ GATEWAY_TRUSTED_PROXIES: 'ingress-nginx' })).toThrow(
      /GATEWAY_TRUSTED_PROXIES: "ingress-nginx" is not an address/,
    );
  });
});
