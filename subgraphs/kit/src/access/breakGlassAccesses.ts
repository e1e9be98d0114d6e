import { type Caller, createError } from '@joined-up/core';
import type { Database } from '../openDatabase.ts';
import { accessLogOf } from './accessLogOf.ts';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import type { AuditTrail } from './createAuditTrail.ts';
import { isPrivacyOfficer } from './loadConsentFacts.ts';

/**
 * The agency's break-glass accesses, newest first, for its own privacy officer only, each with the
 * review of its declaration (`unreviewed`: only those not yet reviewed). The list names people, so
 * reading it is itself audited against each person listed.
 */
export async function breakGlassAccesses(
  context: {
    caller: Caller;
    db: Database<Record<string, unknown>>;
    agency: { displayName: string };
    audit: AuditTrail;
  },
  policy: AgencyPolicy,
  args: { first?: number | null; after?: string | null; unreviewed?: boolean | null },
) {
  if (!isPrivacyOfficer(policy, context.caller) || context.caller.purpose !== 'direct-care') {
    throw createError(
      'FORBIDDEN',
      `${context.agency.displayName} shows its break-glass accesses only to its privacy officer.`,
      { agency: context.agency.displayName },
    );
  }
  const page = await accessLogOf(
    context.db,
    context.agency.displayName,
    { breakGlassOnly: true, unreviewed: args.unreviewed === true, showNotes: true },
    args,
  );
  for (const { node } of page.edges) context.audit.record(node.nhsNumber, 'access-log');
  return page;
}
