import type { CombinedError } from '@urql/core';
import type { SignedInUser } from '../auth/session.ts';

/** Whose record a page shows: the signed-in person's own, or (for a carer) the person they act for. */
export interface Whose {
  /** True when a carer is looking on the person's behalf. */
  carer: boolean;
  /** The person's first name, when health shares their demographics. */
  given: string | undefined;
  /** "his", "her" or "their", for the carer's sentences. */
  possessive: string;
}

/** The person's name and sex as the record gives them, and who is reading it. */
export function whoseRecord(
  user: SignedInUser,
  person: { name?: { given: string } | null; sex?: string | null } | null | undefined,
): Whose {
  const sex = person?.sex ?? '';
  return {
    carer: user.role === 'carer',
    given: person?.name?.given,
    possessive: /^m/i.test(sex) ? 'his' : /^f/i.test(sex) ? 'her' : 'their',
  };
}

/** "your" for the person, "Sam's" for their carer. */
export function yourOr(whose: Whose): string {
  return whose.carer ? `${whose.given ?? 'their'}'s` : 'your';
}

/**
 * Said at the top of every page a carer sees: whose record it is and that they see it for them,
 * only as far as the person delegated it.
 */
export function ActingForNotice(props: { whose: Whose }) {
  if (!props.whose.carer) return null;
  const name = props.whose.given ?? 'this person';
  return (
    <div className="nhsuk-inset-text app-acting-for">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        You are looking at {name}&apos;s record as {props.whose.possessive} carer. You see only what {name} has asked
        each organisation to show you. Headings such as &ldquo;What matters to me&rdquo; are in {name}&apos;s words.
      </p>
    </div>
  );
}

/** A page that could not be loaded at all: what went wrong, in words a person can act on. */
export function CouldNotLoad(props: { what: string; error: CombinedError | undefined }) {
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title">{props.what} could not be loaded</h2>
      <div className="nhsuk-error-summary__body">
        <p>{props.error?.graphQLErrors[0]?.message ?? 'The service could not be reached. Try again later.'}</p>
      </div>
    </div>
  );
}
