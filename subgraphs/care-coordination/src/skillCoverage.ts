import { withProvenance } from '@joined-up/kit';
import { today } from './inputRules.ts';
import type { Context } from './context.ts';

/** Social care's assignments as the gateway sends them for the check; null where social care refused or was down. */
export interface SkillCoverageParent {
  nhsNumber: string;
  careWorkers?: Array<{
    worker: { id: string; competencies: Array<{ name: string; expiresOn: string | null }> };
  }> | null;
}

const sameSkill = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Each recorded need that calls for a skill, against every care worker social care assigns:
 * whether they hold a sign-off for it that has not lapsed today. A gap is any assigned worker
 * without one (someone may be on shift without the skill), or no one assigned at all. When
 * social care did not share the assignments, the check is marked not made rather than shown as
 * a gap or as covered.
 */
export async function skillCoverage(person: SkillCoverageParent, context: Context) {
  const needs = await context.loaders.skillNeeds.load(person.nhsNumber);
  const assigned = person.careWorkers ?? null;
  const on = today();
  return needs.map((need) => {
    const workers = (assigned ?? []).map(({ worker }) => {
      const held = worker.competencies.filter((competency) => sameSkill(competency.name, need.skill));
      const current = held.filter((competency) => competency.expiresOn === null || competency.expiresOn >= on);
      const lapsesLast = current.some((competency) => competency.expiresOn === null)
        ? null
        : (current
            .map((competency) => competency.expiresOn)
            .sort()
            .at(-1) ?? null);
      return { worker: { id: worker.id }, holdsSkill: current.length > 0, expiresOn: lapsesLast };
    });
    return {
      ...withProvenance(need),
      workers,
      checked: assigned !== null,
      gap: assigned !== null && (workers.length === 0 || workers.some((worker) => !worker.holdsSkill)),
    };
  });
}
