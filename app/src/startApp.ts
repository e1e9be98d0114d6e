import type { RequestListener } from 'node:http';
import { listen, type Logger, type RunningServer } from '@joined-up/core';
import type { AppClientConfig } from './AppClientConfig.ts';
import { createAppServer } from './createAppServer.ts';

export interface StartAppOptions {
  port: number;
  distDir: string;
  logger: Logger;
  /**
   * What the page is told. A function is called once listening, with the app's own origin, for
   * callers (tests) that start the gateway after the app, since the gateway must know the
   * app's origin to let its pages call it.
   */
  config: AppClientConfig | ((origin: string) => Promise<AppClientConfig>);
}

/** Serves the built app on `port` (0 for a free one). */
export async function startApp(options: StartAppOptions): Promise<RunningServer> {
  let listener: RequestListener = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const running = await listen((request, response) => listener(request, response), options.port, '/');
  try {
    const origin = new URL(running.url).origin;
    const config = typeof options.config === 'function' ? await options.config(origin) : options.config;
    listener = createAppServer({ distDir: options.distDir, config, logger: options.logger });
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
