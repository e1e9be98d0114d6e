/** The agencies the benchmark runs, each on a PostgreSQL database of its own (the before system had no hospital). */
export const benchAgencies = ['health', 'social-care', 'voluntary-sector', 'care-coordination', 'hospital'];

/** What every federation the benchmark starts shares: the development identity's issuer and audience, quiet logs. */
export const benchFederationSettings = {
  issuer: 'https://identity.joined-up.dev',
  audience: 'joined-up',
  environment: 'development',
  logLevel: 'error',
} as const;
