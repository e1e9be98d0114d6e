import { useSyncExternalStore } from 'react';

/** Who is signed in, as their access token says. The token itself is kept in this module's memory only. */
export interface SignedInUser {
  name: string;
  role: string;
  organisation: string | undefined;
  /** The NHS number a person or their carer acts for. */
  actsFor: string | undefined;
  /** The demo user's login name, in development. */
  username: string | undefined;
}

export interface Session {
  token: string;
  user: SignedInUser;
  expiresAt: number;
}

let current: Session | undefined;
const listeners = new Set<() => void>();

// Never localStorage, never the URL: a token there outlives the tab, and any script or log that
// reads them would have it. A reload signs out (in development the demo user is signed in again).
export function getSession(): Session | undefined {
  if (current && current.expiresAt <= Date.now()) current = undefined;
  return current;
}

export function setSession(session: Session | undefined): void {
  current = session;
  for (const listener of listeners) listener();
}

export function useSession(): Session | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Whether the user is a person or their carer, who see their own record in plain language. */
export function isCitizen(user: SignedInUser): boolean {
  return user.actsFor !== undefined;
}

/** A session from an access token: its claims are read for the page (the gateway verifies them). */
export function sessionFromToken(token: string, username?: string): Session {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(
    new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    ),
  ) as { name?: string; role?: string; organisation?: { name?: string }; acts_for?: string; exp?: number };
  return {
    token,
    user: {
      name: claims.name ?? 'Signed in',
      role: claims.role ?? '',
      organisation: claims.organisation?.name,
      actsFor: claims.acts_for,
      username,
    },
    expiresAt: (claims.exp ?? Date.now() / 1000 + 3600) * 1000,
  };
}
