import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outdir = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Compiles one of the benchmark's entry files (beside this one) to JavaScript in bench/dist,
 * its own imports bundled in and packages left to node_modules, so the peers run as compiled
 * JavaScript like our gateway (gateway/dist) and no process under test carries a TypeScript
 * loader. Returns the compiled file's path.
 */
export async function compileEntry(file: string): Promise<string> {
  const entry = fileURLToPath(new URL(file, import.meta.url));
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs');
  await build({
    entryPoints: [entry],
    outfile: `${outdir}${name}`,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return `${outdir}${name}`;
}
