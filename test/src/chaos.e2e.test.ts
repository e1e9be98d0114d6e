import { readSubgraphList } from '@joined-up/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { shortChaosSettings } from './chaos/ChaosSettings.ts';
import { judgeRead, judgeWrite } from './chaos/judgeChaos.ts';
import { renderChaosTable } from './chaos/renderChaosTable.ts';
import { type ChaosResult, faults, runChaos, writeFaults } from './chaos/runChaos.ts';

// The short run of the fault-injection suite: every agency and the gateway in its own process,
// each fault briefly (about two minutes in all). `npm run chaos` runs the long one. Every bound
// is derived from the configured timeouts (judgeChaos.ts), never from how fast this machine is.
describe('the federation as separate processes, one agency at fault at a time', () => {
  let result: ChaosResult;
  beforeAll(async () => {
    result = await runChaos(shortChaosSettings);
    console.log(renderChaosTable(result));
  }, 600_000);

  for (const { name } of readSubgraphList()) {
    for (const fault of faults) {
      it(`keeps every other agency's data, answers in time and recovers: ${fault} of ${name}`, () => {
        const read = result.reads.find((candidate) => candidate.agency === name && candidate.fault === fault);
        expect(read).toBeDefined();
        expect(judgeRead(read!, result.settings)).toEqual([]);
      });
    }
  }

  for (const [target, signal] of writeFaults) {
    it(`loses and misreports no write when ${target} is sent ${signal} mid-burst`, () => {
      const write = result.writes.find((candidate) => candidate.target === target && candidate.signal === signal);
      expect(write).toBeDefined();
      expect(judgeWrite(write!, result.settings)).toEqual([]);
    });
  }

  it('ends no process the suite did not end', () => {
    expect(result.unexpectedExits).toEqual([]);
  });
});
