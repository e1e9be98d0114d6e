// The tables the kit keeps in every agency's database, and migrates itself (subgraphs/kit/drizzle):
// the append-only audit, the person's sharing decisions and delegations, the care team the
// agency records, and its demo seeds. An agency's own migrations hold only its domain.
import { auditEvents } from './access/auditEvents.ts';
import { careTeam } from './access/careTeam.ts';
import { delegations, sharingDecisions } from './access/consentTables.ts';
import { seedRuns } from './seedRuns.ts';

export { auditEvents, careTeam, delegations, seedRuns, sharingDecisions };

/** The kit's tables, for an agency's drizzle schema: `{ ...domainTables, ...governanceTables }`. */
export const governanceTables = { auditEvents, careTeam, delegations, sharingDecisions, seedRuns };
