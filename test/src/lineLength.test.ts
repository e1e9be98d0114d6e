import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const limit = 120;

// What we write by hand: code, SDL, operations and SQL. JSON cannot wrap a string, and YAML carries URLs
// and commands as single scalars, so neither is held to the limit.
const checked = /\.(?:ts|tsx|js|mjs|cjs|graphql|sql|css|html)$/;
// Generated files: prettier and the formatter do not own them, their generators do.
const generated = [
  /^schema\/supergraph\.graphql$/,
  /^schema\/subgraphs\//,
  /^subgraphs\/[^/]+\/drizzle\//,
  /^bench\/results\//,
  /(?:^|\/)(?:node_modules|dist|\.git|coverage)(?:\/|$)/,
  /(?:^|\/)generated\//,
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    const name = relative(root, path);
    if (generated.some((pattern) => pattern.test(entry.isDirectory() ? `${name}/` : name))) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return checked.test(entry.name) ? [name] : [];
  });
}

describe('source lines', () => {
  it(`are at most ${limit} characters outside generated files`, () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (line.length > limit ? [`${file}:${index + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
