// The kit's public surface: what every agency subgraph uses. Everything else is internal.

// Running a subgraph: configuration, the module an agency provides, server, logging.
export type { Caller, CallerOrganisation, Logger, Sector } from '@joined-up/core';
export type { SubgraphConfig } from './config.ts';
export { type Agency, type AgencyAccess, type SubgraphContext, type SubgraphServer } from './createSubgraphServer.ts';
export {
  runSubgraph,
  type RunningSubgraph,
  type RunSubgraphOptions,
  type EventServices,
  type SeedProgress,
  type SubgraphModule,
} from './runSubgraph.ts';
export { runSubgraphMain } from './runSubgraphMain.ts';
export { publishedSdl } from './subgraphSdl.ts';
export type { SubgraphLimits } from './subgraphLimits.ts';

// Errors and input.
export { createError, isValidNhsNumber, requireNhsNumber, type ErrorCode } from '@joined-up/core';
export { requireEntityId } from './requireEntityId.ts';

// Data: the database, batched loading, pagination, provenance, seeding, dates.
export { addDays } from './addDays.ts';
export { createListLoader, createRowLoader } from './createListLoader.ts';
export type { NewestFirstColumns } from './createNewestFirstPageLoader.ts';
export { createNewestFirstPages } from './createNewestFirstPages.ts';
export { type BatchableSelect, createSelectBatcher, type SelectBatcher } from './createSelectBatcher.ts';
export { selectsField } from './selectsField.ts';
export type { Database, OpenedDatabase } from './openDatabase.ts';
export {
  decodeCursor,
  encodeCursor,
  isIsoDate,
  isTimestamp,
  pageSize,
  toConnection,
  type Connection,
  type CursorPosition,
  type PageInfo,
} from './pagination.ts';
export type { PageKey } from './createPageLoader.ts';
export {
  provenanceColumns,
  provenanceOf,
  recordedBy,
  withProvenance,
  type ProvenanceRow,
  type Recorder,
} from './provenanceColumns.ts';
export { governanceTables } from './governanceTables.ts';

// Writes: exactly once per idempotency key, versioned against lost updates, unique clashes as conflicts.
export {
  runIdempotentWrite,
  type EventRecorder,
  type OutboxEvent,
  type Transaction,
  type WriteResult,
} from './runIdempotentWrite.ts';

// Events: the transactional outbox, its relay to the event engine, idempotent consumers.
export { topics, type CareEvent, type CareNotification, type EventEngine } from '@joined-up/core';
export { consumeOnce } from './consumeOnce.ts';
export { recordScheduledEvents, type ScheduledEvent } from './recordScheduledEvents.ts';
export type { OutboxRelay } from './startOutboxRelay.ts';
export { updateAtVersion } from './updateAtVersion.ts';
export { isUniqueViolation } from './isUniqueViolation.ts';
export { newestFirst, timelineEntry, type TimelineEntry, type TimelineEntryKind } from './timelineEntry.ts';
export { anyOf } from './anyOf.ts';

// Information governance: policy, the tables every agency holds, enforcement, audit.
export {
  definePolicy,
  type AgencyPolicy,
  type PolicyRule,
  type RelationshipDisclosure,
  type SubjectFacts,
} from './access/AgencyPolicy.ts';
export { auditEvents } from './access/auditEvents.ts';
export { careTeam, careTeamMember } from './access/careTeam.ts';
export { delegations, sharingDecisions } from './access/consentTables.ts';
export type { AccessControl, Granted, SubjectFactsLoader } from './access/createAccessControl.ts';
export { decideAccess, type AccessDecision } from './access/decideAccess.ts';
export { allowedParts, withholdSensitive, type GuardedContext } from './access/guardPersonFields.ts';
export { loadConsentFacts, relationshipKind, type RelationshipQuery } from './access/loadConsentFacts.ts';
