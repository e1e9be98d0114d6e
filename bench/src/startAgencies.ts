import { startHelperProcess } from './startHelperProcess.ts';

/** The identity provider and the agencies in their own process, with tokens and statement counts at hand. */
export type Agencies = Awaited<ReturnType<typeof startAgencies>>;

/**
 * Starts the agencies on PostgreSQL with `people` per agency (seeded on first use). Given a
 * repository root and a port offset, the agencies of that tree (the before system), that far
 * above the usual ports.
 */
export async function startAgencies(people: number, system?: { root: string; portOffset: number }) {
  console.log(
    `\nStarting ` +
      `${system ? "the before system's agencies" : 'the agencies'} ` +
      `on PostgreSQL with ${people.toLocaleString('en-GB')} people ` +
      `(seeded on first use) ...`,
  );
  const helper = await startHelperProcess<{ identityUrl: string; subgraphs: Record<string, string> }>(
    './agenciesProcess.ts',
    [String(people), ...(system ? [system.root, String(system.portOffset)] : [])],
    // Today's agencies run as compiled JavaScript, as their containers do; the before system's
    // from its TypeScript sources, as it ran then.
    { compiled: !system },
  );
  const tokens = new Map<string, string>();
  return {
    ...helper,
    async token(user: string): Promise<string> {
      if (!tokens.has(user)) {
        const response = await fetch(`${helper.ready.identityUrl}/token?user=${user}`);
        tokens.set(user, ((await response.json()) as { access_token: string }).access_token);
      }
      return tokens.get(user)!;
    },
    /** SQL statements the agencies have sent so far, all together. */
    async statements(): Promise<number> {
      const { counts } = await helper.ask<{ counts: Record<string, number> }>('counts');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },
  };
}
