import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every process of ours loads `@joined-up/core`. What it loads through static imports is paid in
// memory by every gateway and agency process, whether used or not; the tracing SDK and the NATS
// client are loaded only when tracing or NATS is asked for (issue 15: each process within 1.2
// times bare Apollo Gateway's peak).
const lazy = [/^@opentelemetry\/(?!api$)/, /^@nats-io\//];

const importPattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticImportsFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(importPattern)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return packages;
}

describe("@joined-up/core's static imports", () => {
  const packages = staticImportsFrom(join(fileURLToPath(new URL('.', import.meta.url)), 'index.ts'));

  it('are found (the walk reads the index and what it re-exports)', () => {
    expect(packages).toContain('@apollo/server');
    expect(packages).toContain('@opentelemetry/api');
  });

  it('leave out the tracing SDK and the NATS client, which load when asked for', () => {
    expect([...packages].filter((name) => lazy.some((pattern) => pattern.test(name)))).toEqual([]);
  });
});
