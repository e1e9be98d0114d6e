import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './createLogger.ts';
import { crashHandlers } from './installCrashSafetyNet.ts';
import { runInRequestScope } from './requestContext.ts';

function recordingLogger() {
  const lines: Array<{ level: string; requestId?: string; msg: string }> = [];
  const logger = createLogger('test', 'silent');
  for (const level of ['error', 'fatal'] as const) {
    vi.spyOn(logger, level).mockImplementation(((fields: { requestId?: string }, msg: string) => {
      lines.push({ level, requestId: fields.requestId, msg });
    }) as never);
  }
  return { logger, lines };
}

describe('crashHandlers', () => {
  it('logs a stray rejection with the request it came from and neither stops nor exits', () => {
    const { logger, lines } = recordingLogger();
    const shutdown = vi.fn(async () => undefined);
    const exit = vi.fn();
    const { onRejection } = crashHandlers({ logger, shutdown, exit });
    runInRequestScope({ requestId: 'req-1', response: {} as never }, () => onRejection(new Error('stray')));
    onRejection(new Error('outside'));
    expect(lines).toEqual([
      { level: 'error', requestId: 'req-1', msg: 'unhandled promise rejection; the process carries on' },
      { level: 'error', requestId: undefined, msg: 'unhandled promise rejection; the process carries on' },
    ]);
    expect(shutdown).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });

  it('fails the request an exception came from with a 500, and carries on', async () => {
    const { logger, lines } = recordingLogger();
    const exit = vi.fn();
    const { onException } = crashHandlers({ logger, shutdown: async () => undefined, exit });
    const server = createServer((_request, response) =>
      runInRequestScope({ requestId: 'req-2', response }, () => onException(new Error('thrown in a callback'))),
    );
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Something failed on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(lines).toEqual([
      { level: 'error', requestId: 'req-2', msg: 'uncaught exception in a request; the request fails' },
    ]);
    expect(exit).not.toHaveBeenCalled();
  });

  it('drains and exits with 1 after an exception that belongs to no request; at once after a second', async () => {
    const { logger, lines } = recordingLogger();
    let finishStop: () => void = () => undefined;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve)));
    const exit = vi.fn();
    const { onException } = crashHandlers({ logger, shutdown, exit });
    onException(new Error('a timer threw'));
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    onException(new Error('again while draining'));
    expect(exit).toHaveBeenCalledWith(1);
    finishStop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledTimes(2);
    expect(lines.map((line) => line.level)).toEqual(['fatal', 'fatal']);
  });
});
