import { describe, expect, it } from 'vitest';
import { hideFieldSuggestions } from './hideFieldSuggestions.ts';

describe('hideFieldSuggestions', () => {
  it('removes every kind of graphql-js suggestion and keeps the rest of the error', () => {
    const cases = [
      ['Cannot query field "nam" on type "Person". Did you mean "name"?', 'Cannot query field "nam" on type "Person".'],
      [
        'Unknown argument "firs" on field "Query.people". Did you mean "first"?',
        'Unknown argument "firs" on field "Query.people".',
      ],
      [
        'Unknown type "Persn". Did you mean "Person", ' + '"HealthPersonName", or "HealthPersonConnection"?',
        'Unknown type "Persn".',
      ],
      [
        'Variable "$status" got invalid value "ACTIV"; Value "ACTIV" ' +
          'does not exist in "HealthMedicationStatus" enum. Did you ' +
          'mean the enum value "ACTIVE"?',
        'Variable "$status" got invalid value "ACTIV"; Value "ACTIV" does not exist in "HealthMedicationStatus" enum.',
      ],
      [
        'Cannot query field "x" on type "Node". Did you mean to use an inline fragment on "Person"?',
        'Cannot query field "x" on type "Node".',
      ],
    ];
    for (const [message, hidden] of cases) {
      expect(
        hideFieldSuggestions({
          message: message!,
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ).toEqual({
        message: hidden,
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
  });

  it('leaves an error without suggestions as it is', () => {
    const error = { message: 'Cannot query field "shoeSize" on type "Person".' };
    expect(hideFieldSuggestions(error)).toBe(error);
  });
});
