import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Closable } from './Closable.ts';

/**
 * Calls `onSettled` once changes to the file at `path` have stopped for `debounceMs`: an editor
 * writes a file several times when saving it, and a half-written file would be refused. Calls
 * never overlap; a change during one is followed by one more call.
 *
 * The folder is watched, not the file: an editor saving by writing a new file and renaming it
 * over the old one, or a Kubernetes ConfigMap swapping a symlink, replaces the file watched, and a
 * watch on it would go quiet. A change to the file counts, and so does one to a name starting with
 * `..` (a ConfigMap's update names its `..data` link, not the file); `onSettled` is expected to
 * ignore a file that has not changed.
 */
export function watchSupergraphFile(
  path: string,
  debounceMs: number,
  onSettled: () => Promise<void>,
  onError: (error: Error) => void,
): Closable {
  const file = resolve(path);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const run = (): void => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await onSettled();
      } while (again && !closed);
    })()
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (running = undefined));
  };
  // Persistent, as the poll's timer is: a gateway left unstopped keeps its process (a test run) alive.
  const watcher = watch(dirname(file), (_event, name) => {
    if (closed) return;
    // Where the platform does not say which name changed, every change counts.
    if (name !== null && name !== basename(file) && !name.startsWith('..')) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  watcher.on('error', onError);
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
