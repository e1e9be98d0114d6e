import type { Caller } from '@joined-up/core';
import { agencyFieldPrefix, agencyTypePrefix } from '../agencyNames.ts';
import type { Database } from '../openDatabase.ts';
import type { SubgraphMetrics } from '../SubgraphMetrics.ts';
import { accessLogOf } from './accessLogOf.ts';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import { auditVerificationOf } from './auditVerificationOf.ts';
import { breakGlassAccesses } from './breakGlassAccesses.ts';
import type { AuditTrail } from './createAuditTrail.ts';
import type { GuardedContext } from './guardPersonFields.ts';
import { isPrivacyOfficer } from './loadConsentFacts.ts';
import { relationshipsWithCaller } from './relationshipsWithCaller.ts';
import { reviewBreakGlass } from './reviewBreakGlass.ts';
import { setSharingDecision, sharingDecisionsOf } from './sharingDecisionResolvers.ts';

interface GovernanceContext extends GuardedContext {
  caller: Caller;
  requestId: string;
  correlationId?: string | undefined;
  metrics?: SubgraphMetrics | undefined;
  db: Database<Record<string, unknown>>;
  agency: { name: string; displayName: string };
  audit: AuditTrail;
}
type PageArgs = { first?: number | null; after?: string | null };
type ReviewArgs = { declarationId: string; outcome: string; note: string };

/**
 * The resolvers every agency offers for the person's control of their data, named after the
 * agency (`healthAccessLog`, `setHealthSharing`, ...) because each agency answers for its own
 * audit and sharing decisions: the access log and sharing decisions on Person, the privacy
 * officer's break-glass list and review, and the sharing mutation. They match governanceTypeDefs
 * field for field; the server adds both to every agency, and the Person fields go through its
 * policy guard.
 */
export function governanceResolvers(agency: { name: string }, policy: AgencyPolicy, sectors: readonly string[]) {
  const fieldPrefix = agencyFieldPrefix(agency.name);
  const capitalised = agencyTypePrefix(agency.name);
  return {
    Query: {
      [`${fieldPrefix}BreakGlassAccesses`]: (
        _: unknown,
        args: PageArgs & { unreviewed?: boolean | null },
        context: GovernanceContext,
      ) => breakGlassAccesses(context, policy, args),
      [`${fieldPrefix}AuditVerification`]: (_: unknown, _args: unknown, context: GovernanceContext) =>
        auditVerificationOf(context, policy),
      [`${fieldPrefix}RelationshipsWithCaller`]: (
        _: unknown,
        args: { nhsNumbers: string[]; forSector: string },
        context: GovernanceContext,
      ) => relationshipsWithCaller(context, policy, args.nhsNumbers, args.forSector, sectors),
    },
    Mutation: {
      [`set${capitalised}Sharing`]: (
        _: unknown,
        args: { nhsNumber: string; sector: string; shared: boolean },
        context: GovernanceContext,
      ) => setSharingDecision(context, policy.sector, sectors, args),
      [`review${capitalised}BreakGlass`]: (_: unknown, args: ReviewArgs, context: GovernanceContext) =>
        reviewBreakGlass(context, policy, args),
    },
    Person: {
      [`${fieldPrefix}AccessLog`]: (person: { nhsNumber: string }, args: PageArgs, context: GovernanceContext) =>
        // The officer's notes on reviews are for privacy officers; the person sees each outcome.
        accessLogOf(
          context.db,
          context.agency.displayName,
          { nhsNumber: person.nhsNumber, showNotes: isPrivacyOfficer(policy, context.caller) },
          args,
        ),
      [`${fieldPrefix}SharingDecisions`]: (person: { nhsNumber: string }, _: unknown, context: GovernanceContext) =>
        sharingDecisionsOf(context.db, person.nhsNumber, policy.sector, sectors),
    },
  };
}
