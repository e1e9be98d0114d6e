/** The sector an organisation belongs to; policies (issue 3) reason about sharing across sectors. */
export type Sector = 'health' | 'social-care' | 'voluntary-sector' | 'care-coordination' | 'citizen';

/** The organisation a caller works for, as asserted by the identity provider. */
export interface CallerOrganisation {
  /** Organisation code (an ODS code in production). */
  code: string;
  name: string;
  sector: Sector;
}

/**
 * A verified caller. Built only from a token whose signature, issuer, audience and expiry
 * have been checked; resolvers never see unverified identity.
 */
export interface Caller {
  /** Stable subject identifier (`sub`). */
  subject: string;
  /** Display name for audit and provenance. */
  name: string;
  /** Role, such as gp, social-worker, link-worker, person or carer. */
  role: string;
  organisation: CallerOrganisation;
  /** For a person or carer: the NHS number they act for. */
  actsFor: string | undefined;
  /** Granted OAuth scopes. */
  scopes: string[];
  /** Why the caller is asking, from the token's `purpose` claim; agencies share for direct care. */
  purpose: string | undefined;
  /** The raw bearer token, forwarded to subgraphs by the gateway. */
  token: string;
}
