import type { Caller } from '@joined-up/core';
import type { AgencyPolicy, SubjectFacts } from './AgencyPolicy.ts';

/** The outcome of one access decision. */
export type AccessDecision =
  | {
      allowed: true;
      includeSensitive: boolean;
      breakGlassReason: string | undefined;
      breakGlassDeclared?: boolean;
      basis: string;
    }
  | { allowed: false; basis: string };

/**
 * Decides whether the caller may see one category of one person's record held by this agency.
 * Pure: everything it weighs is passed in, so the whole policy is unit-testable as a table.
 * Order: purpose, self, carer delegation, the person's sharing decisions, rules, break-glass.
 */
export function decideAccess(
  policy: AgencyPolicy,
  caller: Caller,
  nhsNumber: string,
  facts: SubjectFacts,
  category: string,
  breakGlassReason: string | undefined,
): AccessDecision {
  if (caller.purpose !== 'direct-care') return { allowed: false, basis: 'purpose is not direct care' };
  if (caller.role === 'person') {
    const own = caller.actsFor === nhsNumber && (policy.self ?? policy.categories).includes(category);
    return own
      ? { allowed: true, includeSensitive: true, breakGlassReason: undefined, basis: 'own record' }
      : { allowed: false, basis: 'not their own record' };
  }
  if (caller.role === 'carer') {
    const delegated =
      caller.actsFor === nhsNumber && policy.delegable.includes(category) && facts.delegated.has(category);
    return delegated
      ? { allowed: true, includeSensitive: false, breakGlassReason: undefined, basis: 'delegated by the person' }
      : { allowed: false, basis: 'not delegated' };
  }
  if (caller.organisation.sector !== policy.sector && facts.declinedSectors.has(caller.organisation.sector)) {
    return { allowed: false, basis: `the person declined sharing with ${caller.organisation.sector}` };
  }
  const rule = policy.rules.find(
    (candidate) =>
      candidate.roles.includes(caller.role) &&
      candidate.categories.includes(category) &&
      candidate.relationships.some((kind) => facts.relationships.has(kind)),
  );
  if (rule)
    return {
      allowed: true,
      includeSensitive: rule.sensitive ?? false,
      breakGlassReason: undefined,
      basis: rule.because,
    };
  if (
    breakGlassReason &&
    policy.breakGlass.roles.includes(caller.role) &&
    policy.breakGlass.categories.includes(category)
  ) {
    return { allowed: true, includeSensitive: false, breakGlassReason, basis: 'break-glass' };
  }
  return { allowed: false, basis: 'no legitimate relationship' };
}
