import type { Caller } from '@joined-up/core';
import type { auditEvents } from './auditEvents.ts';

/** What this request did to one person's data. */
interface AuditEntry {
  nhsNumber: string;
  action: 'read' | 'write';
  categories: Set<string>;
  breakGlassReason: string | undefined;
  breakGlassDeclared: boolean;
}

/** The request's audit trail: collected while resolving, written once before the response. */
export interface AuditTrail {
  /** Notes that `category` of a person's data was read or written by this request. */
  record(
    nhsNumber: string,
    category: string,
    options?: { action?: 'read' | 'write'; breakGlassReason?: string | undefined; breakGlassDeclared?: boolean },
  ): void;
  /** The rows to insert: one per person and action, with every category touched. */
  rows(): Array<typeof auditEvents.$inferInsert>;
}

export function createAuditTrail(caller: Caller, requestId: string, correlationId?: string | undefined): AuditTrail {
  const entries = new Map<string, AuditEntry>();
  return {
    record(nhsNumber, category, options = {}) {
      const action = options.action ?? 'read';
      const key = `${nhsNumber}|${action}`;
      const entry = entries.get(key) ?? {
        nhsNumber,
        action,
        categories: new Set<string>(),
        breakGlassReason: undefined,
        breakGlassDeclared: false,
      };
      entry.categories.add(category);
      entry.breakGlassReason ??= options.breakGlassReason;
      entry.breakGlassDeclared ||= options.breakGlassDeclared === true;
      entries.set(key, entry);
    },
    rows: () =>
      [...entries.values()].map((entry) => ({
        ...auditRow({ caller, requestId, correlationId }, entry.nhsNumber, [...entry.categories].sort(), entry.action),
        breakGlass: entry.breakGlassReason !== undefined,
        breakGlassReason: entry.breakGlassReason ?? null,
        breakGlassDeclared: entry.breakGlassDeclared,
      })),
  };
}

/** One audit row: who did what to whose data, for which request. */
export function auditRow(
  context: { caller: Caller; requestId: string; correlationId?: string | undefined },
  nhsNumber: string,
  categories: string[],
  action: 'read' | 'write',
): typeof auditEvents.$inferInsert {
  const { caller } = context;
  return {
    requestId: context.requestId,
    correlationId: context.correlationId ?? null,
    actorSubject: caller.subject,
    actorName: caller.name,
    actorRole: caller.role,
    actorOrganisationCode: caller.organisation.code,
    actorOrganisationName: caller.organisation.name,
    purpose: caller.purpose ?? 'unstated',
    nhsNumber,
    action,
    categories,
  };
}
