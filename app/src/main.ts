import { fileURLToPath } from 'node:url';
import { createLogger, installCrashSafetyNet } from '@joined-up/core';
import { loadAppConfig } from './loadAppConfig.ts';
import { startApp } from './startApp.ts';

// Entry point for the app's container: serves the built app (dist/web) with its config.
const config = loadAppConfig(process.env);
const logger = createLogger('app', config.logLevel);
const running = await startApp({
  port: config.port,
  distDir: fileURLToPath(new URL('../web/', import.meta.url)),
  config: config.client,
  logger,
});
logger.info({ url: running.url }, 'app listening');
installCrashSafetyNet({ logger, shutdown: () => running.stop() });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.stop().then(() => process.exit(0)));
}
