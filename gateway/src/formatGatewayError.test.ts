import { describe, expect, it } from 'vitest';
import { formatGatewayError } from './formatGatewayError.ts';

const agencies = new Map([['social-care', 'Riverside Council Adult Social Care']]);

describe('formatGatewayError', () => {
  it('names the agency and removes what is internal', () => {
    expect(
      formatGatewayError(
        { message: 'x', path: ['person', 'careAndSupportPlan'], extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'social-care', response: { url: 'http://10.0.0.5:4002/graphql' }, stacktrace: ['at ...'] } },
        agencies,
        false,
      ),
    ).toEqual({ message: 'x', path: ['person', 'careAndSupportPlan'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'social-care', agency: 'Riverside Council Adult Social Care' } });
  });

  it('hides unexpected messages in production but keeps catalogued ones', () => {
    expect(formatGatewayError({ message: 'relation "patients" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, agencies, true)).toEqual({
      message: 'Something failed on our side.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatGatewayError({ message: 'Bad NHS number', extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber' } }, agencies, true)).toEqual({
      message: 'Bad NHS number',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber' },
    });
  });
});
