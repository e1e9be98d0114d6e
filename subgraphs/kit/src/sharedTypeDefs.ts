/**
 * SDL every agency subgraph starts from: the Federation link with the directives agencies use,
 * and the value types that must be identical everywhere (composition rejects shareable types
 * that differ). An agency's own SDL file is appended to this.
 */
export const sharedTypeDefs = /* GraphQL */ `
extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.7"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", "@requiresScopes", "@policy"]
  )

"An NHS number: ten digits, the last a Modulus 11 check digit. The legal consistent identifier across health and adult social care in England. Spaces are ignored on input."
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
`;
