import { createLogger } from '@joined-up/kit';
import { loadGatewayConfig } from './loadGatewayConfig.ts';
import { startGateway } from './startGateway.ts';

// Entry point for one gateway process or container; settings come from the environment.
const config = loadGatewayConfig(process.env);
const running = await startGateway({ ...config, logger: createLogger('gateway', config.logLevel) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop().then(() => process.exit(0)));
