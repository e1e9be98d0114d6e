import { type Caller, createError, requireNhsNumber, type Sector } from '@joined-up/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../openDatabase.ts';
import { auditEvents } from './auditEvents.ts';
import { sharingDecisions } from './consentTables.ts';
import { auditRow } from './createAuditTrail.ts';
import type { GuardedContext } from './guardPersonFields.ts';

interface SharingContext extends GuardedContext {
  db: Database<Record<string, unknown>>;
  agency: { name: string; displayName: string };
  caller: Caller;
  requestId: string;
}

/**
 * The person's sharing decisions held by this agency, one for each sector of the partnership
 * other than the agency's own. The sectors are configuration (JOINED_UP_SECTORS), so a sector that
 * joins is listed once the agency is told of it, with no change to its code or schema.
 */
export async function sharingDecisionsOf(
  db: Database<Record<string, unknown>>,
  nhsNumber: string,
  ownSector: Sector,
  sectors: readonly Sector[],
) {
  const rows = await db.select().from(sharingDecisions).where(eq(sharingDecisions.nhsNumber, nhsNumber));
  return sectors
    .filter((sector) => sector !== ownSector)
    .map((sector) => {
      const declined = rows.find((row) => row.sector === sector);
      return { sector, shared: !declined, decidedAt: declined ? new Date(declined.decidedAt).toISOString() : null };
    });
}

/**
 * Records the person's decision to share or not share this agency's data with a sector. Only
 * the person, or a carer they delegated 'sharing-decisions' to, may change it; it takes effect
 * on the next decision (facts are read per request), is idempotent (setting the same value
 * twice changes nothing), and is audited as a write. A sector the partnership does not list is
 * refused, naming the ones it does.
 */
export async function setSharingDecision(
  context: SharingContext,
  ownSector: Sector,
  sectors: readonly Sector[],
  args: { nhsNumber: string; sector: string; shared: boolean },
) {
  const nhsNumber = requireNhsNumber(args.nhsNumber, 'nhsNumber');
  const others = sectors.filter((sector) => sector !== ownSector);
  if (!others.includes(args.sector)) {
    throw createError(
      'BAD_USER_INPUT',
      `Argument "sector" must name a sector of the partnership ` +
        `other than this agency's own (${ownSector}): one of ` +
        `${others.join(', ') || 'none configured'}.`,
      { argumentName: 'sector', allowed: others },
    );
  }
  const sector = args.sector;
  const decision = await context.access.require(nhsNumber, 'sharing-decisions');
  if (decision.basis !== 'own record' && decision.basis !== 'delegated by the person') {
    throw createError(
      'FORBIDDEN',
      `${context.agency.displayName} accepts sharing decisions only from the person or a carer acting for them.`,
      { agency: context.agency.displayName },
    );
  }
  // The audit row commits with the change or not at all: a decision is never changed unrecorded.
  await context.db.transaction(async (tx) => {
    await tx.insert(auditEvents).values(auditRow(context, nhsNumber, ['sharing-decisions'], 'write'));
    if (args.shared) {
      await tx
        .delete(sharingDecisions)
        .where(and(eq(sharingDecisions.nhsNumber, nhsNumber), eq(sharingDecisions.sector, sector)));
    } else {
      await tx
        .insert(sharingDecisions)
        .values({ nhsNumber, sector, decidedBySubject: context.caller.subject })
        .onConflictDoNothing();
    }
  });
  const decisions = await sharingDecisionsOf(context.db, nhsNumber, ownSector, sectors);
  return decisions.find((entry) => entry.sector === sector);
}
