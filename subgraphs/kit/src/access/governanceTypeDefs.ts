import { agencyFieldPrefix, agencyTypePrefix } from '../agencyNames.ts';

/**
 * The SDL of the fields every agency offers for the person's control of their data, named after
 * the agency because each answers for its own audit and sharing decisions. It matches the kit's
 * governanceResolvers field for field, so no agency types it by hand: the access log and sharing
 * decisions on Person, the privacy officer's break-glass list and its review, and the sharing mutation.
 */
export function governanceTypeDefs(agency: { name: string; displayName: string }): string {
  const field = agencyFieldPrefix(agency.name);
  const type = agencyTypePrefix(agency.name);
  const held = `held by ${agency.displayName.replace(/"/g, "'")}`;
  return /* GraphQL */ `
extend type Query {
  "Emergency (break-glass) accesses to records ${held}, newest first, for its privacy officer to review."
  ${field}BreakGlassAccesses(
    "Page size, 1 to 100."
    first: Int = 20
    "Cursor of the last event on the previous page."
    after: String
    "True for only the accesses whose declaration is not yet reviewed (breakGlassReview is null)."
    unreviewed: Boolean = false
  ): AccessEventConnection
    @listSize(assumedSize: 100, slicingArguments: ["first"], sizedFields: ["edges"]) @authenticated
  """
  Verifies the hash chain of the audit ${held}, for its privacy officer: whether any row was deleted, changed or
  slipped in since it was written, and the first broken link. It reads and hashes the whole audit, so demand control
  weighs it as 100 objects.
  """
  ${field}AuditVerification: AuditVerification @authenticated @cost(weight: 100)
  """
  The caller's own relationships with these people (up to 100) as records ${held} show them, of the kinds its policy
  tells the caller's role about; people with none, or who declined to share with the asking sector, are left out.
  Another agency asks this through the gateway with the caller's own token, so that its policy may accept a
  relationship recorded here (a council's allocation, a care team).
  """
  ${field}RelationshipsWithCaller(
    "The people asked about, at most 100."
    nhsNumbers: [NHSNumber!]!
    """
    The sector of the agency asking (health, say): a person who declined to share the record ${held} with it is left
    out, as the answer is part of that record.
    """
    forSector: String!
  ): [RecordedRelationships!] @listSize(assumedSize: 100) @authenticated
}

extend type Mutation {
  """
  Shares or stops sharing the person's record ${held} with a sector. Only the person, or a carer they delegated this to,
  may change it; it takes effect at once and is audited.
  """
  set${type}Sharing(
    "Whose decision it is."
    nhsNumber: NHSNumber!
    "The sector the decision is about, as the partnership names it (social-care, say); not this agency's own."
    sector: String!
    "False to decline that this agency's data be shown to that sector."
    shared: Boolean!
  ): SharingDecision @authenticated @requiresScopes(scopes: [["record:consent:own"]])
  """
  Records the privacy officer's review of a break-glass declaration ${held}: what they found and why. For its privacy
  officer only; written with its own audit row, in one transaction. A declaration is reviewed once: the same review
  again is a retry and changes nothing (replayed), a different one is refused with CONFLICT giving the review made.
  """
  review${type}BreakGlass(
    "The declaration's id (breakGlassDeclarationId of its accesses in ${field}BreakGlassAccesses)."
    declarationId: ID!
    "What the officer found."
    outcome: BreakGlassReviewOutcome!
    "How they decided, 1 to 2000 characters."
    note: String!
  ): BreakGlassReviewPayload @authenticated @requiresScopes(scopes: [["record:write"]])
}

extend type Person {
  """
  Who has seen or changed this person's record ${held}, newest first, as its audit recorded it. For the person, a carer
  they delegated it to, and the agency's privacy officer.
  """
  ${field}AccessLog(
    "Page size, 1 to 100."
    first: Int = 20
    "Cursor of the last event on the previous page."
    after: String
  ): AccessEventConnection
    @listSize(assumedSize: 100, slicingArguments: ["first"], sizedFields: ["edges"]) @policy(policies: [["access-log"]])
  "The person's decisions about showing their record ${held} to other sectors, one per sector."
  ${field}SharingDecisions: [SharingDecision!] @policy(policies: [["sharing-decisions"]])
}
`;
}
