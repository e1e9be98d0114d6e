import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop (`ask` sends a signal or a message), and kills it if it has not
 * exited within `graceMs`: a benchmark must not leave a server holding a port for the next run.
 */
export function stopChild(child: ChildProcess, ask: () => void, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    ask();
  });
}
