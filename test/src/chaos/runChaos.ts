import type { ChaosSettings } from './ChaosSettings.ts';
import { type Fault, type FaultResult, runFaultScenario } from './runFaultScenario.ts';
import { runReadLoad } from './runReadLoad.ts';
import { runWriteScenario, type WriteResult } from './runWriteScenario.ts';
import { samsRecordQuery, samsRecordReader } from './samsRecord.ts';
import { startChaosFederation } from './startChaosFederation.ts';

/** Everything one run of the suite measured. */
export interface ChaosResult {
  settings: ChaosSettings;
  reads: FaultResult[];
  writes: WriteResult[];
  /** Processes that ended though the suite did not end them. */
  unexpectedExits: string[];
}

export const faults: Fault[] = ['kill', 'hang', 'slow'];

/** What is signalled in the middle of a burst of writes, and how. */
export const writeFaults = [
  ['gateway', 'SIGTERM'],
  ['care-coordination', 'SIGTERM'],
  ['care-coordination', 'SIGSTOP'],
] as const;

/**
 * Starts the federation as separate processes and, for each agency in turn, kills, hangs and
 * slows it under a load of reads of Sam's record; then SIGTERMs the gateway and care
 * coordination, and hangs care coordination, each in the middle of a burst of writes.
 * `onResult` hears each scenario as it ends.
 */
export async function runChaos(
  settings: ChaosSettings,
  onResult: (result: FaultResult | WriteResult) => void = () => undefined,
): Promise<ChaosResult> {
  const federation = await startChaosFederation(settings);
  try {
    const token = await federation.tokenFor(samsRecordReader);
    const whole = await readWhole(federation.gateway.url, token, settings.recoveryLimitMs);
    const reads: FaultResult[] = [];
    for (const agency of federation.agencies) {
      for (const fault of faults) {
        const load = runReadLoad({
          url: () => federation.gateway.url,
          token,
          query: samsRecordQuery,
          readers: settings.readers,
          clientTimeoutMs: settings.requestTimeoutMs * 2 + 10_000,
        });
        try {
          reads.push(await runFaultScenario({ agency, fault, load, whole, settings }));
        } finally {
          await load.stop();
        }
        onResult(reads.at(-1)!);
      }
    }
    const writes: WriteResult[] = [];
    for (const [target, signal] of writeFaults) {
      writes.push(await runWriteScenario({ federation, target, signal, settings }));
      onResult(writes.at(-1)!);
    }
    return { settings, reads, writes, unexpectedExits: federation.unexpectedExits() };
  } finally {
    await federation.stop();
  }
}

/** Sam's record with every agency answering: what each answer under fault is compared with. */
async function readWhole(url: string, token: string, limitMs: number): Promise<Record<string, unknown>> {
  const giveUpAt = performance.now() + limitMs;
  let last = '';
  while (performance.now() < giveUpAt) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: samsRecordQuery }),
    });
    const body = (await response.json()) as { data?: { person?: Record<string, unknown> }; errors?: unknown[] };
    if (response.status === 200 && body.data?.person && !body.errors) return body.data.person;
    last = JSON.stringify(body).slice(0, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Sam's record never came back whole: ${last}`);
}
