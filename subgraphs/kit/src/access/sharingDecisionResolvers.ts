import { and, eq, inArray } from 'drizzle-orm';
import type { Caller, Sector } from '../Caller.ts';
import { createError } from '../errorCodes.ts';
import type { Database } from '../openDatabase.ts';
import { requireNhsNumber } from '../nhsNumber.ts';
import { auditEvents } from './auditEvents.ts';
import { sharingDecisions } from './consentTables.ts';
import { auditRow } from './createAuditTrail.ts';
import type { GuardedContext } from './guardPersonFields.ts';

const sectors: Record<string, Sector> = {
  HEALTH: 'health',
  SOCIAL_CARE: 'social-care',
  VOLUNTARY_SECTOR: 'voluntary-sector',
  CARE_COORDINATION: 'care-coordination',
};
const enumOf = (sector: string) => Object.entries(sectors).find(([, value]) => value === sector)?.[0];

interface SharingContext extends GuardedContext {
  db: Database<Record<string, unknown>>;
  agency: { name: string; displayName: string };
  caller: Caller;
  requestId: string;
}

/** The person's sharing decisions held by this agency, one per sector other than its own. */
export async function sharingDecisionsOf(db: Database<Record<string, unknown>>, nhsNumber: string, ownSector: Sector) {
  const rows = await db.select().from(sharingDecisions).where(eq(sharingDecisions.nhsNumber, nhsNumber));
  return Object.entries(sectors)
    .filter(([, sector]) => sector !== ownSector)
    .map(([name, sector]) => {
      const declined = rows.find((row) => row.sector === sector);
      return {
        sector: name,
        shared: !declined,
        decidedAt: declined ? new Date(declined.decidedAt).toISOString() : null,
      };
    });
}

/**
 * Records the person's decision to share or not share this agency's data with a sector. Only
 * the person, or a carer they delegated 'sharing-decisions' to, may change it; it takes effect
 * on the next decision (facts are read per request), is idempotent (setting the same value
 * twice changes nothing), and is audited as a write.
 */
export async function setSharingDecision(
  context: SharingContext,
  ownSector: Sector,
  args: { nhsNumber: string; sector: string; shared: boolean },
) {
  const nhsNumber = requireNhsNumber(args.nhsNumber, 'nhsNumber');
  const sector = sectors[args.sector];
  if (!sector || sector === ownSector) {
    throw createError('BAD_USER_INPUT', `Argument "sector" must be a sector other than this agency's own.`, {
      argumentName: 'sector',
    });
  }
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
        .where(and(eq(sharingDecisions.nhsNumber, nhsNumber), inArray(sharingDecisions.sector, [sector])));
    } else {
      await tx
        .insert(sharingDecisions)
        .values({ nhsNumber, sector, decidedBySubject: context.caller.subject })
        .onConflictDoNothing();
    }
  });
  const decisions = await sharingDecisionsOf(context.db, nhsNumber, ownSector);
  return decisions.find((entry) => entry.sector === enumOf(sector));
}
