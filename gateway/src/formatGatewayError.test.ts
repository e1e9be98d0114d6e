import { createRequestError } from '@joined-up/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatGatewayError } from './formatGatewayError.ts';

const agencies = new Map([['social-care', 'Riverside Council Adult Social Care']]);

describe('formatGatewayError', () => {
  it('names the agency and removes what is internal', () => {
    expect(
      formatGatewayError(
        {
          message: 'x',
          path: ['person', 'careAndSupportPlan'],
          extensions: {
            code: 'DOWNSTREAM_SERVICE_ERROR',
            serviceName: 'social-care',
            response: { url: 'http://10.0.0.5:4002/graphql' },
            stacktrace: ['at ...'],
          },
        },
        agencies,
        false,
      ),
    ).toEqual({
      message: 'x',
      path: ['person', 'careAndSupportPlan'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        serviceName: 'social-care',
        agency: 'Riverside Council Adult Social Care',
      },
    });
  });

  it('hides unexpected messages in production but keeps catalogued ones', () => {
    expect(
      formatGatewayError(
        { message: 'relation "patients" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        agencies,
        true,
      ),
    ).toEqual({
      message: 'Something failed on our side.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(
      formatGatewayError(
        { message: 'Bad NHS number', extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber' } },
        agencies,
        true,
      ),
    ).toEqual({
      message: 'Bad NHS number',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber' },
    });
  });
});

describe('formatGatewayError with the error before formatting', () => {
  it('gives a request limit raised during validation back its catalogued code', () => {
    const limit = createRequestError('QUERY_TOO_COMPLEX', 'The operation is 12 fields deep, over the limit of 10.', {
      measure: 'depth',
      limit: 10,
      measured: 12,
    });
    // What Apollo Server makes of an error a validation rule reports.
    const relabelled = new GraphQLError(limit.message, {
      originalError: limit,
      extensions: { ...limit.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = {
      message: limit.message,
      extensions: { ...limit.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatGatewayError(formatted, agencies, true, relabelled)).toEqual({
      message: 'The operation is 12 fields deep, over the limit of 10.',
      extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 10, measured: 12 },
    });
  });

  it("leaves GraphQL's own validation errors as they are", () => {
    const unknownField = new GraphQLError('Cannot query field "shoeSize" on type "Person".', {
      originalError: new GraphQLError('Cannot query field "shoeSize" on type "Person".'),
    });
    const formatted = { message: unknownField.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatGatewayError(formatted, agencies, true, unknownField)).toEqual(formatted);
  });
});
