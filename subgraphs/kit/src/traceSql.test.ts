import { describe, expect, it } from 'vitest';
import { sanitisedStatement } from './traceSql.ts';

describe('sanitisedStatement', () => {
  it('blanks every literal and keeps placeholders, names and structure', () => {
    expect(
      sanitisedStatement(
        `select "nhs_number" from "patients" where "nhs_number" = $1 or "nhs_number" = '9990000018' limit 20`,
      ),
    ).toBe(`select "nhs_number" from "patients" where "nhs_number" = $1 or "nhs_number" = ? limit ?`);
    expect(sanitisedStatement(`insert into t2 values ('O''Brien', 3.5, -2)`)).toBe(`insert into t2 values (?, ?, ?)`);
  });
});
