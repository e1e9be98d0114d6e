// The whole system in one process (npm start and the end-to-end tests). A separate entry from
// the identity provider's so that an agency's own tests do not load every other agency.
export { startFederation, type Federation, type FederationOptions } from './startFederation.ts';
