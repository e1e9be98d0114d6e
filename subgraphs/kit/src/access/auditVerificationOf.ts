import { type Caller, createError } from '@joined-up/core';
import type { Database } from '../openDatabase.ts';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import { isPrivacyOfficer } from './loadConsentFacts.ts';
import { verifyAuditChain } from './verifyAuditChain.ts';

/**
 * The verification of the agency's hash-chained audit, for its own privacy officer only (the
 * same check `npm run audit:verify -- <agency>` runs). It names no one, so it is not itself
 * audited against anyone.
 */
export async function auditVerificationOf(
  context: { caller: Caller; db: Database<Record<string, unknown>>; agency: { displayName: string } },
  policy: AgencyPolicy,
) {
  if (!isPrivacyOfficer(policy, context.caller) || context.caller.purpose !== 'direct-care') {
    throw createError('FORBIDDEN', `${context.agency.displayName} verifies its audit only for its privacy officer.`, {
      agency: context.agency.displayName,
    });
  }
  const verification = await verifyAuditChain(context.db);
  const breaks = verification.breaks.map((found) => ({
    ...found,
    position: found.position === null ? null : String(found.position),
  }));
  return {
    intact: verification.intact,
    rowsChecked: verification.rowsChecked,
    headPosition: verification.head ? String(verification.head.position) : null,
    headHash: verification.head?.hash ?? null,
    firstBreak: breaks[0] ?? null,
    breaks,
  };
}
