import { readFileSync } from 'node:fs';
import { supergraphPath } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';
import { withSecurityFeaturesDelegated } from './withSecurityFeaturesDelegated.ts';

describe('withSecurityFeaturesDelegated', () => {
  it('downgrades only the three access-control features, leaving every other link alone', () => {
    const committed = readFileSync(supergraphPath, 'utf8');
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
    const delegated = withSecurityFeaturesDelegated(committed);
    expect(delegated).not.toContain('for: SECURITY');
    expect(delegated).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1")');
    // Whatever version of join composition writes, it stays for execution.
    expect(delegated).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/join\/v0\.\d+", for: EXECUTION\)/);
    expect(withSecurityFeaturesDelegated('@link(url: "https://example.com/other/v1", for: SECURITY)')).toBe(
      '@link(url: "https://example.com/other/v1", for: SECURITY)',
    );
  });
});
