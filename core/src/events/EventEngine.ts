/**
 * What happened to a person that their care team should hear about, as the agency that holds the
 * record publishes it. It names the record and carries nothing the agency's policy guards: each
 * recipient's view of it is read back through the federation with their own credentials, so the
 * publishing agency decides what each one sees, as it does for queries.
 */
export interface CareEvent {
  /** Unique and stable: the message id the engine de-duplicates on, and the consumers' idempotency key. */
  id: string;
  /** What happened, as <agency>.<what>: hospital.admission, care-coordination.carer-cannot-care. */
  type: string;
  /** The publishing agency's service name. */
  agency: string;
  nhsNumber: string;
  /** The agency's own id of the record the event is about (an admission, a referral, a plan). */
  recordId: string;
  /** When it happened (ISO 8601). */
  occurredAt: string;
  /** When the write that caused it committed (ISO 8601): where the time to a subscriber's screen starts. */
  recordedAt: string;
}

/** One recipient's notification of a care event, as care coordination delivers it. */
export interface CareNotification {
  /** Unique per event and recipient. */
  id: string;
  event: CareEvent;
  /** The recipient's sign-in subject. */
  recipientSubject: string;
  /** Why they hear: CARE_TEAM, COORDINATOR or CARER. */
  reason: string;
  /** When care coordination delivered it (ISO 8601). */
  deliveredAt: string;
}

/** The engine's topics: agencies' events, and the notifications care coordination delivers from them. */
export const topics = { events: 'care.events', notifications: 'care.notifications' } as const;
export type Topic = (typeof topics)[keyof typeof topics];

/** A consumer or listener that can be stopped. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The event engine, NATS JetStream or in-process behind one interface. Publishing is idempotent
 * by message id; a durable consumer receives every message at least once, from where it left off
 * (redelivered until its handler succeeds); a listener hears messages published while it listens,
 * at most once, for live screens whose history is kept elsewhere (the inbox).
 */
export interface EventEngine {
  readonly kind: 'nats' | 'in-process';
  publish<T extends { id: string }>(topic: Topic, message: T): Promise<void>;
  consume<T>(topic: Topic, durable: string, handle: (message: T) => Promise<void>): Promise<Stoppable>;
  listen<T>(topic: Topic, handle: (message: T) => void): Promise<Stoppable>;
  close(): Promise<void>;
}
