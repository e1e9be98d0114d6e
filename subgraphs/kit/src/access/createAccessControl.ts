import { type BreakGlassDeclaration, type Caller, createError, inSpan, type Sector } from '@joined-up/core';
import DataLoader from 'dataloader';
import { maxRelationshipQuestion } from './relationshipsWithCaller.ts';
import { type AgencyPolicy, recordedElsewhere, type SubjectFacts } from './AgencyPolicy.ts';
import { type AccessDecision, decideAccess } from './decideAccess.ts';

/** An allowed decision, as the field resolvers behind the guard receive it. */
export type Granted = Extract<AccessDecision, { allowed: true }>;

/** The request's access control: decisions about this caller, with the facts loaded in batches. */
export interface AccessControl {
  decide(nhsNumber: string, category: string): Promise<AccessDecision>;
  /** The decision, or FORBIDDEN naming the agency and nothing else. */
  require(nhsNumber: string, category: string): Promise<Granted>;
  /**
   * The relationships the agency's own data shows the caller has with the person (none recorded
   * elsewhere), told to an agency of `forSector`: none when the person declined to share this
   * agency's record with that sector, since the answer is part of the record.
   */
  ownRelationships(nhsNumber: string, forSector: Sector): Promise<ReadonlySet<string>>;
}

/**
 * Reads the relationships other agencies record between the caller and each person
 * (`social-care:allocated`), for the policy's rules that accept them; an empty map when they
 * cannot be read, so that nothing more is disclosed.
 */
export type RelationshipsElsewhereLoader = (
  caller: Caller,
  nhsNumbers: readonly string[],
) => Promise<Map<string, ReadonlySet<string>>>;

/** Loads what an agency's data says about the caller and each person, in one round trip. */
export type SubjectFactsLoader = (
  caller: Caller,
  nhsNumbers: readonly string[],
) => Promise<Map<string, SubjectFacts & { activeBreakGlassReason?: string | undefined }>>;

const noFacts: SubjectFacts = { relationships: new Set(), declinedSectors: new Set(), delegated: new Set() };

export function createAccessControl(options: {
  policy: AgencyPolicy;
  caller: Caller;
  agencyName: string;
  loadFacts: SubjectFactsLoader;
  /** The emergency this request declared (x-break-glass), if any: it opens the one person it names. */
  breakGlass: BreakGlassDeclaration | undefined;
  /** Told of every decision, for the agency's metrics. */
  onDecision?: (category: string, granted: boolean) => void;
  /** Relationships other agencies record, asked for only when a rule that accepts one could change a decision. */
  loadElsewhere?: RelationshipsElsewhereLoader | undefined;
}): AccessControl {
  const facts = new DataLoader<string, SubjectFacts & { activeBreakGlassReason?: string | undefined }>(
    async (nhsNumbers) => {
      const found = await options.loadFacts(options.caller, nhsNumbers);
      return nhsNumbers.map((nhsNumber) => found.get(nhsNumber) ?? noFacts);
    },
  );
  // One request's people are asked about together, once: DataLoader batches and caches them.
  const loadElsewhere = options.loadElsewhere;
  const elsewhere = loadElsewhere
    ? new DataLoader<string, ReadonlySet<string>>(
        async (nhsNumbers) => {
          const found = await loadElsewhere(options.caller, nhsNumbers);
          return nhsNumbers.map((nhsNumber) => found.get(nhsNumber) ?? new Set<string>());
          // One question names at most this many people: a bigger batch is asked in several.
        },
        { maxBatchSize: maxRelationshipQuestion },
      )
    : undefined;
  const accepting = acceptsElsewhere(options.policy, options.caller.role);
  // The categories whose grant includes each category (the policy's `includes`, read backwards).
  const includedBy = new Map<string, string[]>();
  for (const [wider, narrower] of Object.entries(options.policy.includes ?? {}))
    for (const category of narrower) includedBy.set(category, [...(includedBy.get(category) ?? []), wider]);
  const decideOnce = async (nhsNumber: string, category: string): Promise<AccessDecision> => {
    for (const wider of includedBy.get(category) ?? []) {
      const granted = await decideOnce(nhsNumber, wider);
      if (granted.allowed) return { ...granted, includedIn: wider };
    }
    const own = await facts.load(nhsNumber);
    const first = decideWith(own, nhsNumber, category);
    // The agency's own data decides first; only when it refuses (or would need an emergency) and a
    // rule accepts another agency's record for this category is the federation asked.
    if (!elsewhere || (first.allowed && !first.breakGlassReason) || !accepting.has(category)) return first;
    const recorded = await elsewhere.load(nhsNumber);
    if (recorded.size === 0) return first;
    return decideWith({ ...own, relationships: new Set([...own.relationships, ...recorded]) }, nhsNumber, category);
  };
  const decideWith = (
    known: SubjectFacts & { activeBreakGlassReason?: string | undefined },
    nhsNumber: string,
    category: string,
  ): AccessDecision => {
    // A declaration opens the person it names and no one else the request reaches (other NHS
    // numbers in a list, aliases, entities): they are decided as if nothing had been declared.
    const declared = options.breakGlass?.nhsNumber === nhsNumber ? options.breakGlass.reason : undefined;
    // An emergency declared earlier (and audited) stays open for that person for a while, so a
    // clinician in an emergency does not have to repeat the reason on every request.
    const decision = decideAccess(
      options.policy,
      options.caller,
      nhsNumber,
      known,
      category,
      declared ?? known.activeBreakGlassReason,
    );
    return decision.allowed && decision.breakGlassReason
      ? { ...decision, breakGlassDeclared: declared !== undefined }
      : decision;
  };
  // Each decision is a span with its category and outcome, never the person it was about.
  const decide = (nhsNumber: string, category: string): Promise<AccessDecision> =>
    inSpan('policy.decide', { attributes: { 'joined_up.policy.category': category } }, async (span) => {
      const decision = await decideOnce(nhsNumber, category);
      options.onDecision?.(category, decision.allowed);
      span?.setAttributes({
        'joined_up.policy.outcome': decision.allowed ? 'granted' : 'refused',
        'joined_up.policy.break_glass': decision.allowed && decision.breakGlassReason !== undefined,
      });
      return decision;
    });
  return {
    decide,
    ownRelationships: async (nhsNumber, forSector) => {
      const own = await facts.load(nhsNumber);
      return own.declinedSectors.has(forSector) ? new Set<string>() : own.relationships;
    },
    require: async (nhsNumber, category) => {
      const decision = await decide(nhsNumber, category);
      if (!decision.allowed) {
        // The same words whatever the reason and whether or not a record exists: a refusal must
        // not tell the caller anything about the person.
        throw createError('FORBIDDEN', `${options.agencyName} does not share this part of the record with you.`, {
          agency: options.agencyName,
        });
      }
      return decision;
    },
  };
}

/** The categories a rule for this role opens on a relationship another agency records. */
function acceptsElsewhere(policy: AgencyPolicy, role: string): Set<string> {
  return new Set(
    policy.rules
      .filter((rule) => rule.roles.includes(role) && rule.relationships.some((kind) => recordedElsewhere(kind)))
      .flatMap((rule) => rule.categories),
  );
}
