import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChild } from './stopChild.ts';

/** A child process of the benchmark that holds servers (agencies, benchmark subgraphs) and talks over IPC. */
export interface HelperProcess<TReady> {
  ready: TReady;
  pid: number;
  /** Sends `type` and resolves with the first reply of the same type. */
  ask<T>(type: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Forks `file` (beside this one) with tsx, and waits for its `ready` message. With `compiled`,
 * the repository's packages it imports resolve to their compiled JavaScript (dist/, from
 * `npm run build`) instead of their TypeScript sources.
 */
export function startHelperProcess<TReady>(
  file: string,
  args: string[] = [],
  options: { compiled?: boolean } = {},
): Promise<HelperProcess<TReady>> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv: [...(options.compiled ? [] : ['--conditions=@joined-up/source']), '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A run that is interrupted must not leave the agencies holding their ports for the next one.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${file} exited with ${code} before it was ready`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', function onReady(message: { type: string }) {
      if (message.type !== 'ready') return;
      child.off('message', onReady);
      child.off('exit', onExit);
      resolve({
        ready: message as TReady,
        pid: child.pid!,
        ask: <T>(type: string) =>
          new Promise<T>((answer) => {
            child.on('message', function onAnswer(reply: { type: string }) {
              if (reply.type !== type) return;
              child.off('message', onAnswer);
              answer(reply as T);
            });
            child.send({ type });
          }),
        stop: () => stopChild(child, () => child.send({ type: 'stop' }), 15_000),
      });
    });
  });
}
