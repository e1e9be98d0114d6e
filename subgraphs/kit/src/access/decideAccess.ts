import type { Caller } from '@joined-up/core';
import { type AgencyPolicy, recordedElsewhere, type SubjectFacts } from './AgencyPolicy.ts';

/** The outcome of one access decision. */
export type AccessDecision =
  | {
      allowed: true;
      includeSensitive: boolean;
      breakGlassReason: string | undefined;
      breakGlassDeclared?: boolean;
      basis: string;
      /** The relationship recorded by another agency the rule accepted (`social-care:allocated`), if any. */
      recordedElsewhere?: string;
      /** Granted as part of this wider category (the policy's `includes`), whose grant it is. */
      includedIn?: string;
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
    if (own) return { allowed: true, includeSensitive: true, breakGlassReason: undefined, basis: 'own record' };
    // Beyond their own record, only a rule for people (a relationship another agency records,
    // such as their carer's name) opens anything.
    return ruleDecision(policy, caller, facts, category) ?? { allowed: false, basis: 'not their own record' };
  }
  if (caller.role === 'carer') {
    const delegated =
      caller.actsFor === nhsNumber && policy.delegable.includes(category) && facts.delegated.has(category);
    if (delegated)
      return { allowed: true, includeSensitive: false, breakGlassReason: undefined, basis: 'delegated by the person' };
    return ruleDecision(policy, caller, facts, category) ?? { allowed: false, basis: 'not delegated' };
  }
  if (caller.organisation.sector !== policy.sector && facts.declinedSectors.has(caller.organisation.sector)) {
    return { allowed: false, basis: `the person declined sharing with ${caller.organisation.sector}` };
  }
  const granted = ruleDecision(policy, caller, facts, category);
  if (granted) return granted;
  if (
    breakGlassReason &&
    policy.breakGlass.roles.includes(caller.role) &&
    policy.breakGlass.categories.includes(category)
  ) {
    return { allowed: true, includeSensitive: false, breakGlassReason, basis: 'break-glass' };
  }
  return { allowed: false, basis: 'no legitimate relationship' };
}

/** The first rule for the caller's role that opens the category on a relationship they have. */
function ruleDecision(
  policy: AgencyPolicy,
  caller: Caller,
  facts: SubjectFacts,
  category: string,
): AccessDecision | undefined {
  for (const rule of policy.rules) {
    if (!rule.roles.includes(caller.role) || !rule.categories.includes(category)) continue;
    const relationship = rule.relationships.find((kind) => facts.relationships.has(kind));
    if (relationship === undefined) continue;
    // Naming the other agency's record is the decision's basis, for the audit and the logs.
    return {
      allowed: true,
      includeSensitive: rule.sensitive ?? false,
      breakGlassReason: undefined,
      basis: rule.because,
      ...(recordedElsewhere(relationship) ? { recordedElsewhere: relationship } : {}),
    };
  }
  return undefined;
}
