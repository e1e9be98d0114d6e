/**
 * SDL every agency subgraph starts from: the Federation link with the directives agencies use,
 * and the value types that must be identical everywhere (composition rejects shareable types
 * that differ). An agency's own SDL file is appended to this.
 */
export const sharedTypeDefs = /* GraphQL */ `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/v2.9"
      import: [
        "@key"
        "@shareable"
        "@external"
        "@requires"
        "@provides"
        "@inaccessible"
        "@tag"
        "@authenticated"
        "@requiresScopes"
        "@policy"
        "@cost"
        "@listSize"
      ]
    )

  """
  An NHS number: ten digits, the last a Modulus 11 check digit. The legal consistent identifier across health and adult
  social care in England. Spaces are ignored on input.
  """
  scalar NHSNumber

  "A calendar date in ISO 8601 form, YYYY-MM-DD."
  scalar Date

  "A point in time in ISO 8601 form with a UTC offset."
  scalar DateTime

  "Who recorded an entry, in which organisation, and when: every clinical and care entry carries one."
  type Provenance @shareable {
    "Name of the professional who recorded the entry."
    recordedBy: String!
    "Their role when they recorded it, such as GP or social worker."
    recordedByRole: String!
    "The organisation whose record this entry belongs to."
    organisation: OrganisationSummary!
    "When the entry was recorded."
    recordedAt: DateTime!
  }

  "An organisation's code and name, as shown beside an entry or a worker."
  type OrganisationSummary @shareable {
    "Organisation code: an ODS code in production; demo organisations use codes beginning DEMO."
    code: String!
    "The organisation's name."
    name: String!
  }

  "A concept from a published code system, such as SNOMED CT or the Client Level Data vocabularies."
  type Coding @shareable {
    "The code system's URI, such as http://snomed.info/sct."
    system: String!
    "The code within that system."
    code: String!
    "The human-readable term for the code."
    display: String!
  }

  "Where a page of a list ends and whether more follows."
  type PageInfo @shareable {
    "True when another page follows this one."
    hasNextPage: Boolean!
    "Pass as 'after' to fetch the next page; null on an empty page."
    endCursor: String
  }

  "Whether an access read or changed a person's data."
  enum AccessAction {
    "The data was read."
    READ
    "The data was created or changed."
    WRITE
  }

  "One access to a person's data, recorded by the agency that holds it before the data was returned."
  type AccessEvent @shareable {
    "Stable identifier within the agency's audit."
    id: ID!
    "When the access happened."
    occurredAt: DateTime!
    "The agency whose data was accessed and which recorded it."
    agency: String!
    "Whose data it was."
    nhsNumber: NHSNumber!
    "Who accessed it."
    actorName: String!
    "Their role, such as gp or care-worker."
    actorRole: String!
    "The organisation they accessed it for."
    organisation: OrganisationSummary!
    "Why, as the caller's token stated it (direct-care)."
    purpose: String!
    "Whether the data was read or changed."
    action: AccessAction!
    "Which parts of the record, such as problems or careAndSupportPlan categories."
    categories: [String!]!
    "True when access was granted in an emergency without a care relationship."
    breakGlass: Boolean!
    "The reason declared for emergency access."
    breakGlassReason: String
    """
    True on the access that declared the emergency (the request that sent x-break-glass); false on the later accesses
    its half hour kept open, and on every access that was not an emergency.
    """
    breakGlassDeclared: Boolean!
    """
    For an emergency access, the id of the declaration that opened it: its own id when it is the declaration, else that
    of the declaration whose half hour it fell in. The privacy officer reviews declarations by this id. Null when the
    access was not an emergency.
    """
    breakGlassDeclarationId: ID
    """
    For an emergency access, the privacy officer's review of the declaration that opened it; null while it is not yet
    reviewed, and for an access that was not an emergency.
    """
    breakGlassReview: BreakGlassReview
    "The gateway's own id for the request, unique per request, linking the access to every agency's logs for it."
    requestId: String!
    "The caller's own id for the request (the x-request-id it sent), if any; callers may repeat it, so it keys nothing."
    correlationId: String
  }

  "What the agency's privacy officer found an emergency (break-glass) declaration to be."
  enum BreakGlassReviewOutcome {
    "The emergency was real and the access was what it needed."
    JUSTIFIED
    "The access was not justified by an emergency; the officer follows it up with the professional's organisation."
    NOT_JUSTIFIED
    "Referred on (to the Caldicott guardian, the data protection officer or the professional's employer) to decide."
    REFERRED
  }

  """
  The privacy officer's review of one break-glass declaration, held by the agency whose record the emergency opened.
  A declaration is reviewed once: a different second review is refused with CONFLICT.
  """
  type BreakGlassReview @shareable {
    "The id of the declaration's access event (AccessEvent.breakGlassDeclarationId)."
    declarationId: ID!
    "What the officer found."
    outcome: BreakGlassReviewOutcome!
    """
    The officer's note on how they decided. Shown to the agency's privacy officers only: null for anyone else, the
    person included, since it may speak of the professional's conduct; the person sees the outcome.
    """
    note: String
    "The name of the privacy officer who reviewed it."
    reviewerName: String!
    "The organisation they reviewed it for."
    organisation: OrganisationSummary!
    "When it was reviewed."
    reviewedAt: DateTime!
  }

  "The review a break-glass review mutation made, or found already made."
  type BreakGlassReviewPayload @shareable {
    "The declaration's review as it now stands."
    review: BreakGlassReview!
    "True when this exact review had already been made (a retry): nothing was written again."
    replayed: Boolean!
  }

  "The caller's relationships with one person, as one agency's records show them."
  type RecordedRelationships @shareable {
    "The person."
    nhsNumber: NHSNumber!
    "Relationship kinds the agency records between the caller and the person (allocated, care-team, ...)."
    relationships: [String!]!
  }

  "A page of access events, newest first."
  type AccessEventConnection @shareable {
    "The events on this page with their cursors."
    edges: [AccessEventEdge!]!
    "Where this page ends."
    pageInfo: PageInfo!
  }

  "An access event and its cursor."
  type AccessEventEdge @shareable {
    "Pass as 'after' to continue from this event."
    cursor: String!
    "The access event."
    node: AccessEvent!
  }

  "One event in a person's care, as the agency that holds it describes it for the joined-up timeline."
  type TimelineEntry @shareable {
    """
    Unique across the graph: the agency's name, the kind of record and the agency's own id, such as
    health:encounter:123.
    """
    id: ID!
    "When it happened."
    occurredOn: Date!
    """
    What kind of event it was, in capitals: ENCOUNTER, ASSESSMENT, REVIEW, REFERRAL, ENGAGEMENT,
    CONVERSATION, REQUEST or PLAN_CHANGE, and whatever kinds a newer agency adds (ADMISSION, say).
    A string, not an enum, so that an agency joining with a new kind of event changes no one else's schema.
    """
    kind: String!
    "What happened, in a few plain words, such as Annual diabetes review or Referral to Community Links accepted."
    title: String!
    "One or two lines of summary; null when there is nothing to add to the title."
    detail: String
    "The name of the agency that holds the record."
    agency: String!
    "Who recorded it, where and when."
    provenance: Provenance!
  }

  "How a link of an agency's hash-chained audit is broken."
  enum AuditChainBreakKind {
    "A row's content no longer matches its hash: it was changed after it was written."
    ALTERED
    "Positions are missing before this row: rows were deleted."
    MISSING
    "The row is not chained to the row before it: one of them was rewritten, hash included."
    RELINKED
    "A row outside the chain: it was inserted with the chain's trigger disabled."
    UNCHAINED
    "The chain's head names a later row than the last one found: rows were deleted from the end."
    TRUNCATED
  }

  "One broken link of an agency's hash-chained audit."
  type AuditChainBreak @shareable {
    "How it is broken."
    kind: AuditChainBreakKind!
    "The chain position (a 64-bit whole number, as a string) at which it breaks; null for a row outside the chain."
    position: String
    "The audit row at the break (the id its access events carry), if there is one."
    auditEventId: ID
    "What the break means, in words."
    description: String!
  }

  """
  What verifying an agency's audit found. Each audit row carries a hash over its content and the previous row's hash,
  so deleting, changing or slipping in a row breaks the chain, even for whoever holds the database's owner role.
  """
  type AuditVerification @shareable {
    "True when every row is in the chain and every link holds."
    intact: Boolean!
    "How many audit rows were checked."
    rowsChecked: Int!
    "The position of the chain's last row (a 64-bit whole number, as a string); null before the first row."
    headPosition: String
    """
    The hash of the chain's last row. Record it, with its position, somewhere the agency's database administrators
    cannot write: a later rewrite of the whole chain from some row on changes it.
    """
    headHash: String
    "The first broken link, in chain order; null when intact."
    firstBreak: AuditChainBreak
    "Every broken link found, in chain order, at most 100."
    breaks: [AuditChainBreak!]!
  }

  "A person's decision about showing one agency's data to one sector, held by that agency."
  type SharingDecision @shareable {
    """
    The sector the decision is about, as the partnership names it: health, social-care,
    voluntary-sector, care-coordination, or any sector a newer agency is in.
    """
    sector: String!
    "False when the person has declined that this agency's data be shown to the sector."
    shared: Boolean!
    "When the person (or the carer acting for them) last changed it; null if never changed."
    decidedAt: DateTime
  }
`;
