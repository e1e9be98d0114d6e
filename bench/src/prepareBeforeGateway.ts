import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The gateway as it was before the speed-ups of the benchmark issue: this commit, the last
 * before them, checked out beside the repository (a git worktree, ignored by git). Its own
 * gateway code runs against today's packages (kit, schema), so the comparison isolates the
 * gateway's changes. It lives in the temporary folder, where no test runner or tool of this
 * repository looks.
 */
export const beforeRevision = '548c1aa';

const root = fileURLToPath(new URL('../../', import.meta.url));
const worktree = `${join(tmpdir(), `joined-up-gateway-before-${beforeRevision}`)}/`;

/** Checks the earlier gateway out (once) and returns the path of its entry point. */
export function prepareBeforeGateway(): string {
  if (!existsSync(`${worktree}gateway/src/main.ts`)) {
    execFileSync('git', ['worktree', 'add', '--force', '--detach', worktree, beforeRevision], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  // The worktree resolves packages through this repository's installation.
  if (!existsSync(`${worktree}node_modules`)) symlinkSync(`${root}node_modules`, `${worktree}node_modules`);
  return `${worktree}gateway/src/main.ts`;
}
