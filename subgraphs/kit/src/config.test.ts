import { developmentIdentity } from '@joined-up/core';
import { describe, expect, it } from 'vitest';
import { loadSubgraphConfig } from './config.ts';

const agency = { prefix: 'SOCIAL_CARE', defaultPort: 4002, defaultDataDir: '.data/social-care', sector: 'social-care' };

describe('loadSubgraphConfig', () => {
  it('defaults to embedded PGlite, the development identity provider and a 3,000-person seed', () => {
    expect(loadSubgraphConfig({}, agency)).toEqual({
      port: 4002,
      databaseUrl: undefined,
      dataDir: '.data/social-care',
      identity: developmentIdentity,
      logLevel: 'info',
      environment: 'development',
      seed: { people: 3000 },
      sectors: ['social-care'],
    });
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
      'Invalid configuration:\n  - SOCIAL_CARE_PORT must be a port number from 0 to 65535, got "99999"\n  - NODE_ENV must be development, production or test, got "prod"\n  - JOINED_UP_PEOPLE must be a whole number from 2 to 900000, got "lots"',
    );
  });
});
