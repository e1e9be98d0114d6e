import type { Sector } from '@joined-up/core';

/**
 * An agency's access policy, written as data: who may see which categories of a person's
 * record, given the legitimate relationships the agency's own data shows. The agency owns this
 * one file; the kit enforces it on every path to person data.
 */
export interface AgencyPolicy {
  /** The agency's sector: its own staff are never subject to a decline of sharing "outside". */
  sector: Sector;
  /** Every category this agency holds, in the order the README's table lists them. */
  categories: readonly string[];
  /** Who may see what, each rule needing one of its relationships with the person. */
  rules: readonly PolicyRule[];
  /** Categories the person sees of their own record. @default every category */
  self?: readonly string[];
  /** Categories a carer may be delegated; the person's delegation (agency data) picks among them. */
  delegable: readonly string[];
  /** Emergency access without a relationship, declared with a reason, flagged in the audit. */
  breakGlass: { roles: readonly string[]; categories: readonly string[] };
  /** Roles that may read the agency's audit of a person and the break-glass list. */
  privacyOfficerRoles: readonly string[];
  /** The agency's own organisations: only their privacy officers review its audit, not another body's. */
  organisationCodes: readonly string[];
  /**
   * Which of the relationships its own data shows the agency tells a caller about, when another
   * agency asks through the gateway on the caller's behalf (`<agency>RelationshipsWithCaller`).
   * It tells the caller only of their own relationships, and only these. @default none
   */
  discloses?: readonly RelationshipDisclosure[];
  /**
   * Categories that hold others whole: a caller granted the first is granted each of those it
   * lists, without a separate decision, such as `{ demographics: ['name'] }`. A field shown under
   * either is then decided once for a caller who may see the wider one, and no refusal of the
   * narrower is recorded against them. @default none
   */
  includes?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A relationship the agency records that it tells the caller they have with a person, so that
 * another agency's policy may accept it. Named there as `<this agency>:<kind>`.
 */
export interface RelationshipDisclosure {
  /** Caller roles told of it. */
  roles: readonly string[];
  /** Relationship kinds from the agency's own data. */
  relationships: readonly string[];
  /** Why the agency tells the caller, for the README's table and the privacy officer. */
  because: string;
}

/** The agency and kind of a relationship another agency records, or undefined for the agency's own. */
export function recordedElsewhere(relationship: string): { agency: string; kind: string } | undefined {
  const at = relationship.indexOf(':');
  return at < 0 ? undefined : { agency: relationship.slice(0, at), kind: relationship.slice(at + 1) };
}

export interface PolicyRule {
  /** Caller roles the rule applies to. */
  roles: readonly string[];
  /**
   * Relationship kinds any one of which makes the access legitimate: from the agency's own data,
   * or `<agency>:<kind>` for one another agency records (read through the federation, never
   * taken from the caller's token).
   */
  relationships: readonly string[];
  /** Categories the rule opens. */
  categories: readonly string[];
  /**
   * Whether sensitive entries (sexual health, fertility, termination, gender reassignment, safeguarding) are included.
   * @default false
   */
  sensitive?: boolean;
  /** Why the rule exists, for the README's table and the privacy officer. */
  because: string;
}

/** What the agency's data says about the caller and one person. */
export interface SubjectFacts {
  /** Relationship kinds the caller has with the person, from the agency's own records. */
  relationships: ReadonlySet<string>;
  /** Sectors the person has declined to share this agency's data with. */
  declinedSectors: ReadonlySet<Sector>;
  /** Categories the person has delegated to the calling carer. */
  delegated: ReadonlySet<string>;
}

/** Type-checks a policy where it is written. */
export function definePolicy(policy: AgencyPolicy): AgencyPolicy {
  const known = new Set(policy.categories);
  const unknown = [
    ...policy.rules.flatMap((rule) => rule.categories),
    ...policy.delegable,
    ...policy.breakGlass.categories,
    ...(policy.self ?? []),
    ...Object.entries(policy.includes ?? {}).flat(2),
  ].filter((category) => !known.has(category));
  if (unknown.length > 0)
    throw new Error(`Policy names categories it does not hold: ${[...new Set(unknown)].join(', ')}`);
  // One level only, so that no category can be decided as part of itself.
  const included = new Set(Object.values(policy.includes ?? {}).flat());
  const chained = Object.keys(policy.includes ?? {}).filter((category) => included.has(category));
  if (chained.length > 0)
    throw new Error(`Policy includes categories that are themselves included: ${chained.join(', ')}`);
  return policy;
}
