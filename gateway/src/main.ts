import cluster from 'node:cluster';
import { createLogger, createNatsEngine, installCrashSafetyNet, startTracing } from '@joined-up/core';
import { loadGatewayConfig } from './loadGatewayConfig.ts';
import { runGatewayWorkers } from './runGatewayWorkers.ts';
import { startGateway } from './startGateway.ts';

// Entry point for one gateway process or container; settings come from the environment. With
// GATEWAY_WORKERS above 1 this process forks that many workers, each of which runs this file again.
const config = loadGatewayConfig(process.env);
const logger = createLogger('gateway', config.logLevel);
if (cluster.isPrimary && config.workers > 1) {
  // The primary kills workers still running well after their own grace period.
  runGatewayWorkers({ workers: config.workers, logger, stopTimeoutMs: config.shutdownGraceMs + 5_000 });
} else {
  // Tracing starts before the gateway is built, so every span of its work has a provider.
  const tracing = config.otlpEndpoint
    ? await startTracing({ serviceName: 'gateway', endpoint: config.otlpEndpoint })
    : undefined;
  // Live notifications come from care coordination through NATS JetStream, when there is one.
  const events = config.natsUrl ? await createNatsEngine({ url: config.natsUrl }) : undefined;
  const running = await startGateway({ ...config, events, logger });
  // A failure belonging to one request fails that request alone; see installCrashSafetyNet.
  installCrashSafetyNet({ logger, shutdown: () => running.stop() });
  // A worker stopped from a terminal gets SIGINT from the terminal and SIGTERM from the primary: stop once.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void running
        .stop()
        .then(() => events?.close())
        .then(() => tracing?.stop())
        .then(() => process.exit(0));
    });
  }
}
