import {
  auditEvents,
  type CareEvent,
  type CareNotification,
  consumeOnce,
  delegations,
  type EventServices,
  topics,
} from '@joined-up/kit';
import { and, eq, isNotNull } from 'drizzle-orm';
import { careTeamMembers, type CareCoordinationTables, notifications } from './tables.ts';

const consumer = 'care-coordination-notifications';

/**
 * Who should hear of an event about a person: their care team, their coordinator, and carers acting for them.
 * Read in the delivery's own transaction: on PGlite, whose one connection the transaction holds, a
 * read outside it would wait for the transaction to end, and the transaction for the read.
 */
async function recipientsOf(db: Pick<EventServices<CareCoordinationTables>['db'], 'select'>, nhsNumber: string) {
  const [team, carers] = await Promise.all([
    db
      .select({
        subject: careTeamMembers.workerId,
        isCoordinator: careTeamMembers.isCoordinator,
        role: careTeamMembers.role,
        organisationCode: careTeamMembers.memberOrganisationCode,
        organisationName: careTeamMembers.memberOrganisationName,
      })
      .from(careTeamMembers)
      .where(and(eq(careTeamMembers.nhsNumber, nhsNumber), isNotNull(careTeamMembers.workerId))),
    db.select({ subject: delegations.carerSubject }).from(delegations).where(eq(delegations.nhsNumber, nhsNumber)),
  ]);
  const recipients = new Map<string, { reason: string; role: string; code: string; organisation: string }>();
  for (const member of team) {
    recipients.set(member.subject!, {
      reason: member.isCoordinator ? 'COORDINATOR' : 'CARE_TEAM',
      role: member.role,
      code: member.organisationCode ?? '',
      organisation: member.organisationName ?? '',
    });
  }
  for (const carer of carers) {
    recipients.set(carer.subject, { reason: 'CARER', role: 'carer', code: 'CITIZEN', organisation: 'Citizen access' });
  }
  return recipients;
}

/**
 * Care coordination's consumer of every agency's events: it works out who should hear (the
 * person's care team, coordinator and carers), and in one transaction, once per event whatever the
 * engine redelivers, writes each recipient's notification (the inbox) and an audit row of the
 * delivery. Then the notifications go to the live topic, again after a redelivery (with the same
 * ids, so screens drop the second): a crash between the commit and the publish loses no one's.
 * What each recipient is shown of the record is not decided here: the gateway reads it from the
 * publishing agency with the recipient's own credentials.
 */
export async function startDeliveringCareEvents(services: EventServices<CareCoordinationTables>) {
  return services.engine.consume<CareEvent>(topics.events, consumer, async (event) => {
    const delivered: CareNotification[] = [];
    await consumeOnce(services.db, consumer, event.id, async (tx) => {
      const recipients = await recipientsOf(tx, event.nhsNumber);
      if (recipients.size === 0) return;
      const deliveredAt = new Date().toISOString();
      const rows = [...recipients].map(([subject, recipient]) => ({
        id: `${event.id}:${subject}`,
        eventId: event.id,
        eventType: event.type,
        agency: event.agency,
        nhsNumber: event.nhsNumber,
        recordId: event.recordId,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
        recipientSubject: subject,
        reason: recipient.reason,
        deliveredAt,
      }));
      await tx.insert(notifications).values(rows).onConflictDoNothing();
      // Every delivery is in the person's audit, so "who has been told about me" has an answer.
      await tx.insert(auditEvents).values(
        [...recipients].map(([subject, recipient]) => ({
          requestId: `event:${event.id}`,
          actorSubject: subject,
          actorName: subject,
          actorRole: recipient.role,
          actorOrganisationCode: recipient.code,
          actorOrganisationName: recipient.organisation,
          purpose: 'direct-care',
          nhsNumber: event.nhsNumber,
          action: 'read',
          categories: ['notifications'],
        })),
      );
    });
    const rows = await services.db.select().from(notifications).where(eq(notifications.eventId, event.id));
    for (const row of rows) {
      delivered.push({
        id: row.id,
        event,
        recipientSubject: row.recipientSubject,
        reason: row.reason,
        deliveredAt: new Date(row.deliveredAt).toISOString(),
      });
    }
    for (const notification of delivered) await services.engine.publish(topics.notifications, notification);
  });
}
