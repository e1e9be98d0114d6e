import { describe, expect, it } from 'vitest';
import { workers } from './story.ts';
import { careWorkersByProvider, charityWorkers, registeredManagers, socialWorkers } from './workforce.ts';

describe('the workforce', () => {
  const everyone = [
    ...Object.values(workers),
    ...socialWorkers,
    ...Object.values(registeredManagers),
    ...Object.values(careWorkersByProvider).flat(),
    ...Object.values(charityWorkers).flat(),
  ];

  it("gives every worker their own id, and keeps the story's workers as they are", () => {
    const byId = new Map(everyone.map((worker) => [worker.id, worker]));
    expect(byId.size).toBe(new Set(everyone).size);
    for (const worker of everyone) expect(byId.get(worker.id)).toBe(worker);
    expect(socialWorkers[0]).toBe(workers.socialWorker);
    expect(careWorkersByProvider.DEMOSL1.slice(0, 2)).toEqual([workers.careWorker, workers.secondCareWorker]);
    expect(charityWorkers.DEMOV2[0]).toBe(workers.linkWorker);
  });

  it('puts every worker in the organisation they are listed under', () => {
    for (const [code, list] of [...Object.entries(careWorkersByProvider), ...Object.entries(charityWorkers)])
      expect(list.every((worker) => worker.organisationCode === code)).toBe(true);
    expect(socialWorkers.every((worker) => worker.organisationCode === 'DEMOLA1')).toBe(true);
  });
});
