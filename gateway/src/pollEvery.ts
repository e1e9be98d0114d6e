import type { Closable } from './Closable.ts';

/**
 * Runs `task` every `intervalMs`, counted from the end of the previous run, so that a slow run
 * (a supergraph URL that takes its time) never overlaps the next.
 */
export function pollEvery(intervalMs: number, task: () => Promise<void>, onError: (error: Error) => void): Closable {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const tick = (): void => {
    running = task()
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        running = undefined;
        if (!closed) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
