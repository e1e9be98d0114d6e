import { type Session, sessionFromToken } from './session.ts';

/** A demo user as the development identity provider lists them. */
export interface DemoUser {
  username: string;
  name: string;
  role: string;
  organisation: string;
  description: string;
}

// The chosen demo user's name (not a token) survives a reload of this tab only, so that
// development is not a sign-in after every change.
const rememberedKey = 'joined-up.demo-user';

export async function listDemoUsers(identityProviderUrl: string): Promise<DemoUser[]> {
  const response = await fetch(new URL('/users', identityProviderUrl));
  if (!response.ok) throw new Error(`The identity provider answered ${response.status}.`);
  return (await response.json()) as DemoUser[];
}

export async function signInAsDemoUser(identityProviderUrl: string, username: string): Promise<Session> {
  const url = new URL('/token', identityProviderUrl);
  url.searchParams.set('user', username);
  const response = await fetch(url);
  const body = (await response.json().catch(() => ({}))) as { access_token?: string };
  if (!response.ok || typeof body.access_token !== 'string')
    throw new Error(`No token for ${username}: the identity provider answered ${response.status}.`);
  sessionStorage.setItem(rememberedKey, username);
  return sessionFromToken(body.access_token, username);
}

export function rememberedDemoUser(): string | undefined {
  return sessionStorage.getItem(rememberedKey) ?? undefined;
}

export function forgetDemoUser(): void {
  sessionStorage.removeItem(rememberedKey);
}
