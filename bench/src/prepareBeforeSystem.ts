import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The system as it was before the work of the issue that asked for twice the throughput on the
 * agency workloads: this commit, checked out beside the repository (a git worktree in the
 * temporary folder, where no test runner or tool of this repository looks). Its gateway and its
 * agencies both run from its own sources, through tsx as they did then, so "before" and "after"
 * differ in the code alone: the same databases, machine, settings and run.
 */
export const beforeRevision = 'dddecde';

/** The before system's agencies listen this far above today's ports, so both sets run side by side. */
export const beforePortOffset = 10;

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BeforeSystem {
  /** The worktree, ending in a slash. */
  root: string;
  /** Its gateway's entry point. */
  gatewayEntry: string;
  /** Its supergraph, with the agencies' URLs moved to the before ports. */
  supergraphPath: string;
  /** Its registered operations folder (the workloads' queries as they were). */
  operationsFolder: string;
}

/**
 * Checks the earlier system out (once). Its node_modules links every installed package of this
 * repository except its own workspace packages, which point at the worktree's folders, so that
 * its kit, core and agencies are the old ones.
 */
export function prepareBeforeSystem(): BeforeSystem {
  const worktree = `${join(tmpdir(), `joined-up-before-${beforeRevision}`)}/`;
  if (!existsSync(`${worktree}gateway/src/main.ts`)) {
    execFileSync('git', ['worktree', 'add', '--force', '--detach', worktree, beforeRevision], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  const modules = `${worktree}node_modules/`;
  if (!existsSync(modules)) {
    mkdirSync(`${modules}@joined-up`, { recursive: true });
    for (const name of readdirSync(`${root}node_modules`)) {
      if (name === '@joined-up') continue;
      symlinkSync(`${root}node_modules/${name}`, `${modules}${name}`);
    }
    for (const name of readdirSync(`${root}node_modules/@joined-up`)) {
      const workspace = readFileSync(`${root}package.json`, 'utf8').includes(`"subgraphs/${name}"`)
        ? `subgraphs/${name}`
        : name;
      symlinkSync(`${worktree}${workspace}`, `${modules}@joined-up/${name}`);
    }
  }
  const supergraphPath = `${worktree}.bench-supergraph.graphql`;
  writeFileSync(
    supergraphPath,
    readFileSync(`${worktree}schema/supergraph.graphql`, 'utf8').replace(
      /(https?:\/\/(?:localhost|127\.0\.0\.1):)(40\d\d)\b/g,
      (_match, host: string, port: string) => `${host}${Number(port) + beforePortOffset}`,
    ),
  );
  return {
    root: worktree,
    gatewayEntry: `${worktree}gateway/src/main.ts`,
    supergraphPath,
    operationsFolder: `${worktree}schema/operations/`,
  };
}
