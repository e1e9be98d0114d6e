/**
 * A sector of health and care, as a slug such as health, social-care or voluntary-sector, and
 * citizen for people and their carers. Sectors are data (the partnership's subgraph list, the
 * token's claims), not a list compiled into the code: a new kind of agency adds one without
 * anyone else changing or redeploying.
 */
export type Sector = string;

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
