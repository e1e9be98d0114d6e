import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeFetch } from './describeFetch.ts';

describe('describeFetch', () => {
  it('names the root fields of a root call, aliases as answered, and whether it is a read', () => {
    expect(describeFetch(parse('{ __typename a: person(nhsNumber: "1") { name } people { name } }'), {})).toEqual({
      read: true,
      paths: [['a'], ['people']],
    });
    expect(describeFetch(parse('mutation { sendReferral(input: {}) { replayed } }'), {}).read).toBe(false);
  });

  it("names each representation's own fields, by its type, fragments included", () => {
    const document = parse(`query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Person { __typename carePlan { version } ...team } ... on CareCoordinationPartnershipWorker { name } } }
      fragment team on Person { careTeam { name } }`);
    expect(
      describeFetch(document, {
        representations: [
          { __typename: 'Person', nhsNumber: '9990000018' },
          { __typename: 'CareCoordinationPartnershipWorker', id: 'w' },
        ],
      }).paths,
    ).toEqual([
      ['_entities', 0, 'carePlan'],
      ['_entities', 0, 'careTeam'],
      ['_entities', 1, 'name'],
    ]);
    expect(
      describeFetch(document, { representations: [{ __typename: 'Person', nhsNumber: '9990000018' }, null] }).blank,
    ).toEqual({ _entities: [{ __typename: 'Person', carePlan: null, careTeam: null }, null] });
  });
});
