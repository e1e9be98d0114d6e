/**
 * What the page is told at load, in a JSON element of index.html (never a script): where the
 * gateway is and how to sign in. It holds no secret: a browser app is a public OAuth client.
 */
export interface AppClientConfig {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  signIn: DemoSignIn | OidcSignIn;
}

/** Development: pick a demo user of the development identity provider. */
export interface DemoSignIn {
  kind: 'demo';
  identityProviderUrl: string;
}

/** Production: the OpenID Connect authorisation-code flow with PKCE against a real issuer. */
export interface OidcSignIn {
  kind: 'oidc';
  issuer: string;
  clientId: string;
  /** @default "openid" */
  scope?: string;
  /** The access token's audience (the gateway's), for issuers that need it asked for. */
  audience?: string;
}
