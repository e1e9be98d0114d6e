import { readFileSync } from 'node:fs';
import { loadAppConfig } from '@joined-up/app';
import { loadIdentityProviderConfig, loadStartConfig } from '@joined-up/dev';
import { loadGatewayConfig } from '@joined-up/gateway';
// An agency's configuration is read by its own entry point, so the kit does not export its loader.
import { loadSubgraphConfig } from '../../subgraphs/kit/src/config.ts';
import { readSubgraphList } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';

const agencies = readSubgraphList();
const prefixes = agencies.map((entry) => entry.urlVariable.replace(/_URL$/, ''));
// A stand-in agency: whatever a loader reads for it is written <AGENCY>_... in the README.
const agency = { prefix: 'AGENCY', name: 'agency', defaultPort: 4999, sector: 'agency' };

/**
 * The names a configuration loader reads, found by giving it an environment that records each
 * read, once as it is and once with each of `probes` set (settings that make it read others).
 */
function readsOf(
  load: (env: Record<string, string | undefined>) => unknown,
  probes: Record<string, string> = {},
): Set<string> {
  const read = new Set<string>();
  const recording = (values: Record<string, string>) =>
    new Proxy(values as Record<string, string | undefined>, {
      get(target, name) {
        if (typeof name === 'string') read.add(name);
        return target[name as string];
      },
    });
  for (const values of [{}, ...Object.entries(probes).map(([name, value]) => ({ [name]: value }))]) {
    try {
      load(recording(values));
    } catch {
      // A loader refusing a setting still read it.
    }
  }
  return read;
}

/** A variable as the README writes it: an agency's own prefixed <AGENCY>_. */
function documented(name: string): string {
  const prefix = [...prefixes, 'AGENCY'].find((candidate) => name.startsWith(`${candidate}_`));
  return prefix ? `<AGENCY>_${name.slice(prefix.length + 1)}` : name;
}

function readmeVariables(): Set<string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Errors'));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return new Set(
    rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!)),
  );
}

describe("the README's configuration table", () => {
  const read = new Set(
    [
      ...readsOf((env) => loadSubgraphConfig(env, agency)),
      ...readsOf((env) => loadGatewayConfig(env), { GATEWAY_SUPERGRAPH_URL: 'https://registry.example/supergraph' }),
      ...readsOf((env) => loadIdentityProviderConfig(env, '/tmp/key.json')),
      ...readsOf((env) => loadStartConfig(env, [{ name: 'agency', prefix: 'AGENCY', port: 4999 }])),
      ...readsOf((env) => loadAppConfig(env), { APP_OIDC_ISSUER: 'https://issuer.example' }),
    ].map(documented),
  );

  it('lists every variable the configuration loaders read', () => {
    expect([...read].filter((name) => !readmeVariables().has(name)).sort()).toEqual([]);
  });

  it('lists nothing no loader reads', () => {
    expect([...readmeVariables()].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
