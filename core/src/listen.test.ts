import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { listen } from './listen.ts';

/** A server whose every answer takes `delayMs`, counting the answers it finished. */
async function slowServer(delayMs: number, shutdownGraceMs: number) {
  const finished: number[] = [];
  const events: string[] = [];
  const running = await listen(
    (incoming, response) => {
      void sleep(delayMs).then(() => {
        finished.push(Number(incoming.url?.slice(1)));
        response.end('done');
      });
    },
    0,
    '/',
    async () => {
      events.push('onStop');
    },
    { shutdownGraceMs, onDraining: () => events.push('draining') },
  );
  return { running, finished, events };
}

describe('listen', () => {
  it('finishes every request in flight when stopped, then runs onStop, and accepts nothing new', async () => {
    const { running, finished, events } = await slowServer(300, 5_000);
    const dispatcher = new Agent();
    const answers = Array.from({ length: 5 }, (_, index) =>
      request(`http://127.0.0.1:${running.port}/${index}`, { dispatcher }).then(async (response) => ({
        status: response.statusCode,
        body: await response.body.text(),
        connection: response.headers['connection'],
      })),
    );
    await sleep(100);
    const stopped = running.stop();
    expect(running.stop()).toBe(stopped);
    await expect(fetch(`http://127.0.0.1:${running.port}/9`)).rejects.toThrow();
    expect(await Promise.all(answers)).toEqual(
      Array.from({ length: 5 }, () => ({ status: 200, body: 'done', connection: 'close' })),
    );
    await stopped;
    expect(finished.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(events).toEqual(['draining', 'onStop']);
    await dispatcher.close();
  });

  it('cuts what is still running when the grace period ends, and stops in about that time', async () => {
    const { running, events } = await slowServer(5_000, 200);
    const answer = fetch(`http://127.0.0.1:${running.port}/1`).then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(50);
    const started = performance.now();
    await running.stop();
    const tookMs = performance.now() - started;
    expect(await answer).toBe('cut');
    expect(tookMs).toBeGreaterThanOrEqual(190);
    expect(tookMs).toBeLessThan(2_000);
    expect(events).toEqual(['draining', 'onStop']);
  });

  it('stops at once when nothing is in flight, idle keep-alive connections included', async () => {
    const { running } = await slowServer(0, 10_000);
    const dispatcher = new Agent();
    await (await request(`http://127.0.0.1:${running.port}/1`, { dispatcher })).body.text();
    const started = performance.now();
    await running.stop();
    expect(performance.now() - started).toBeLessThan(500);
    await dispatcher.close();
  });
});
