import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@joined-up/core';
import type { Closable } from './Closable.ts';
import { pollEvery } from './pollEvery.ts';
import { readSupergraph } from './readSupergraph.ts';
import { describeSupergraphSource, type ServedSupergraph, type SupergraphSource } from './SupergraphSource.ts';
import { supergraphId } from './supergraphId.ts';
import { watchSupergraphFile } from './watchSupergraphFile.ts';
import { withSecurityFeaturesDelegated } from './withSecurityFeaturesDelegated.ts';

export interface SupergraphHook {
  /** For ApolloGateway's `supergraphSdl`: loads the first supergraph, then offers each change. */
  hook: SupergraphSdlHook;
  /** The supergraph being served, once one is loaded. */
  served(): ServedSupergraph | undefined;
  /** Where it comes from, as logs show it (describeSupergraphSource). */
  source: string;
}

/**
 * Apollo Gateway's own way to change supergraph while running: the hook returns the first SDL
 * and is handed `update`, which builds a new SDL and swaps it in, or throws and leaves the old one
 * serving. A request already executing keeps the schema and query plan it started with, so
 * requests in flight finish on the old supergraph. Each SDL the source holds is offered once, rewritten as the
 * first was (withSecurityFeaturesDelegated); the watch or poll stops with the gateway (`cleanup`).
 */
export function createSupergraphHook(source: SupergraphSource, logger: Logger): SupergraphHook {
  const from = describeSupergraphSource(source);
  let served: ServedSupergraph | undefined;
  // The last SDL offered, taken or refused: a refused one is reported once, not on every poll.
  let lastSeen: string | undefined;
  // A source that cannot be read is reported when it starts failing, not at every attempt.
  let failing = false;

  const hook: SupergraphSdlHook = async ({ update }) => {
    const stopping = new AbortController();
    let initial: string;
    try {
      initial = await readSupergraph(source, stopping.signal);
    } catch (error) {
      throw new Error(`Cannot load the supergraph from ${from}`, { cause: error });
    }
    lastSeen = supergraphId(initial);
    served = { id: lastSeen, loadedAt: new Date().toISOString() };

    const offer = (sdl: string): void => {
      const id = supergraphId(sdl);
      if (id === lastSeen || stopping.signal.aborted) return;
      lastSeen = id;
      const previous = served;
      if (id === previous?.id) {
        logger.info({ supergraph: { id, source: from } }, 'supergraph source is back to the one served');
        return;
      }
      try {
        update(withSecurityFeaturesDelegated(sdl));
      } catch (error) {
        logger.error(
          { err: error, supergraph: { id, source: from }, served: previous },
          `supergraph ${id} from ${from} refused: it does not build; still serving ${previous?.id}`,
        );
        return;
      }
      served = { id, loadedAt: new Date().toISOString() };
      logger.info(
        { supergraph: { ...served, previousId: previous?.id, source: from } },
        `supergraph swapped: ${previous?.id} => ${id}`,
      );
    };
    const check = async (): Promise<void> => {
      let sdl: string;
      try {
        sdl = await readSupergraph(source, stopping.signal);
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (!failing)
          logger.error(
            { err: error, supergraph: { source: from }, served },
            `cannot read the supergraph from ${from}; still serving ${served?.id}`,
          );
        failing = true;
        return;
      }
      if (failing) logger.info({ supergraph: { source: from } }, `supergraph source ${from} can be read again`);
      failing = false;
      offer(sdl);
    };
    const onError = (error: Error): void => {
      logger.error({ err: error, supergraph: { source: from } }, `watching the supergraph at ${from} failed`);
    };

    let changes: Closable | undefined;
    if ('path' in source) changes = watchSupergraphFile(source.path, source.debounceMs ?? 250, check, onError);
    if ('url' in source) changes = pollEvery(source.pollIntervalMs ?? 10_000, check, onError);
    return {
      supergraphSdl: withSecurityFeaturesDelegated(initial),
      cleanup: async () => {
        stopping.abort();
        await changes?.close();
      },
    };
  };
  return { hook, served: () => served, source: from };
}
