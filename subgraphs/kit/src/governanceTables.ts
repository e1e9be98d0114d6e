// The tables the kit keeps in every agency's database, and migrates itself (subgraphs/kit/drizzle):
// the append-only audit, the privacy officer's reviews of break-glass declarations, the person's
// sharing decisions and delegations, the care team the agency records, the idempotency keys of its
// writes, its demo seeds, its outbox of events and the events its consumers have handled. An
// agency's own migrations hold only its domain.
import { auditChainHead, auditEvents } from './access/auditEvents.ts';
import { breakGlassReviews } from './access/breakGlassReviews.ts';
import { careTeam } from './access/careTeam.ts';
import { delegations, sharingDecisions } from './access/consentTables.ts';
import { idempotencyKeys } from './access/idempotencyKeys.ts';
import { consumedEvents, outboxEvents } from './outboxEvents.ts';
import { seedRuns } from './seedRuns.ts';

export {
  auditChainHead,
  auditEvents,
  breakGlassReviews,
  careTeam,
  consumedEvents,
  delegations,
  idempotencyKeys,
  outboxEvents,
  seedRuns,
  sharingDecisions,
};

/** The kit's tables, for an agency's drizzle schema: `{ ...domainTables, ...governanceTables }`. */
export const governanceTables = {
  auditEvents,
  auditChainHead,
  breakGlassReviews,
  careTeam,
  delegations,
  idempotencyKeys,
  sharingDecisions,
  seedRuns,
  outboxEvents,
  consumedEvents,
};
