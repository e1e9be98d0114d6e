// Development tooling: the demo identity provider and its users.
export { createIdentityProvider, type IdentityProviderOptions } from './createIdentityProvider.ts';
export { demoUsers, findDemoUser, type DemoUser } from './demoUsers.ts';
export { generateSigningKey, loadOrCreateSigningKey, type SigningKey } from './signingKey.ts';
export { signToken, type SignTokenOptions } from './signToken.ts';
export { loadAgencyModules, type AgencyModule, type AnySubgraphModule } from './loadAgencyModules.ts';
export { loadIdentityProviderConfig, type IdentityProviderConfig } from './loadIdentityProviderConfig.ts';
export { loadStartConfig, type StartConfig } from './loadStartConfig.ts';
