import { developmentIdentity } from '@joined-up/core';
import { describe, expect, it } from 'vitest';
import { loadSubgraphConfig } from './config.ts';

const agency = { prefix: 'SOCIAL_CARE', name: 'social-care', defaultPort: 4002, sector: 'social-care' };

describe('loadSubgraphConfig', () => {
  it('defaults to embedded PGlite, the development identity provider and a 3,000-person seed', () => {
    expect(loadSubgraphConfig({}, agency)).toEqual({
      port: 4002,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '.data/social-care',
      identity: developmentIdentity,
      logLevel: 'info',
      environment: 'development',
      seed: { people: 3000 },
      sectors: ['social-care'],
      shutdownGraceMs: 10_000,
      schemaReaderRoles: ['schema-reader'],
      migrate: true,
      rateLimit: { limit: 1200, windowSeconds: 60 },
    });
  });

  it("reads the agency's own rate limit before the shared one, and refuses a bad one", () => {
    expect(loadSubgraphConfig({ JOINED_UP_RATE_LIMIT: '5000' }, agency).rateLimit).toEqual({
      limit: 5000,
      windowSeconds: 60,
    });
    expect(
      loadSubgraphConfig(
        { SOCIAL_CARE_RATE_LIMIT: '10', JOINED_UP_RATE_LIMIT: '5000', JOINED_UP_RATE_WINDOW_SECONDS: '1' },
        agency,
      ).rateLimit,
    ).toEqual({ limit: 10, windowSeconds: 1 });
    expect(() => loadSubgraphConfig({ SOCIAL_CARE_RATE_LIMIT: '0' }, agency)).toThrowError(
      'SOCIAL_CARE_RATE_LIMIT must be a positive whole number, got "0"',
    );
  });

  it("reads the shutdown grace period, the agency's own before the shared one, and refuses a bad one", () => {
    expect(loadSubgraphConfig({ JOINED_UP_SHUTDOWN_GRACE_MS: '3000' }, agency).shutdownGraceMs).toBe(3000);
    expect(
      loadSubgraphConfig({ SOCIAL_CARE_SHUTDOWN_GRACE_MS: '0', JOINED_UP_SHUTDOWN_GRACE_MS: '3000' }, agency)
        .shutdownGraceMs,
    ).toBe(0);
    expect(() => loadSubgraphConfig({ JOINED_UP_SHUTDOWN_GRACE_MS: 'soon' }, agency)).toThrowError(
      'SOCIAL_CARE_SHUTDOWN_GRACE_MS must be a non-negative whole number of milliseconds, got "soon"',
    );
  });

  it('reads the agency-prefixed variables first, then the shared ones', () => {
    const config = loadSubgraphConfig(
      {
        SOCIAL_CARE_PORT: '5002',
        SOCIAL_CARE_DATABASE_URL: 'postgres://db/social_care',
        JOINED_UP_LOG_LEVEL: 'warn',
        JOINED_UP_SEED: 'false',
        NODE_ENV: 'production',
        JOINED_UP_ISSUER: 'https://login.example.nhs.uk',
      },
      agency,
    );
    expect(config).toMatchObject({
      port: 5002,
      databaseUrl: 'postgres://db/social_care',
      logLevel: 'warn',
      seed: false,
      environment: 'production',
      identity: { issuer: 'https://login.example.nhs.uk' },
    });
  });

  it('lists every problem in one error', () => {
    expect(() =>
      loadSubgraphConfig({ SOCIAL_CARE_PORT: '99999', JOINED_UP_PEOPLE: 'lots', NODE_ENV: 'prod' }, agency),
    ).toThrowError(
      'Invalid configuration:\n  - SOCIAL_CARE_PORT must be a port ' +
        'number from 0 to 65535, got "99999"\n  - NODE_ENV must be ' +
        'development, production or test, got "prod"\n  - ' +
        'JOINED_UP_PEOPLE must be a whole number from 2 to 900000, ' +
        'got "lots"',
    );
  });
});

describe('loadSubgraphConfig in production and for a partnership', () => {
  it('seeds no demo population in production unless asked', () => {
    expect(loadSubgraphConfig({ NODE_ENV: 'production' }, agency).seed).toBe(false);
    expect(loadSubgraphConfig({ NODE_ENV: 'production', JOINED_UP_SEED: 'true' }, agency).seed).toEqual({
      people: 3000,
    });
    expect(() => loadSubgraphConfig({ JOINED_UP_SEED: 'yes' }, agency)).toThrowError(
      'JOINED_UP_SEED must be true or false, got "yes"',
    );
  });

  it('listens on loopback outside production, on every interface in production, or where it is told', () => {
    expect(loadSubgraphConfig({}, agency).host).toBe('127.0.0.1');
    expect(loadSubgraphConfig({ NODE_ENV: 'production' }, agency).host).toBeUndefined();
    expect(loadSubgraphConfig({ JOINED_UP_HOST: '0.0.0.0' }, agency).host).toBe('0.0.0.0');
    expect(loadSubgraphConfig({ JOINED_UP_HOST: '0.0.0.0', SOCIAL_CARE_HOST: '10.0.0.2' }, agency).host).toBe(
      '10.0.0.2',
    );
  });

  it('keeps each agency in its own folder of JOINED_UP_DATA_DIR, unless its own is named', () => {
    expect(loadSubgraphConfig({ JOINED_UP_DATA_DIR: '/var/joined-up' }, agency).dataDir).toBe(
      '/var/joined-up/social-care',
    );
    expect(loadSubgraphConfig({ SOCIAL_CARE_DATA_DIR: '/srv/council' }, agency).dataDir).toBe('/srv/council');
  });

  it("reads the partnership's sectors as data, its own always among them, and refuses a malformed one", () => {
    expect(loadSubgraphConfig({ JOINED_UP_SECTORS: 'health, housing ,social-care' }, agency).sectors).toEqual([
      'social-care',
      'health',
      'housing',
    ]);
    expect(() => loadSubgraphConfig({ JOINED_UP_SECTORS: 'health,Social Care' }, agency)).toThrowError(
      'JOINED_UP_SECTORS must list sectors such as social-care, got "Social Care"',
    );
  });
});
