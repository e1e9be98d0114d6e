import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Closable } from './Closable.ts';
import { watchSupergraphFile } from './watchSupergraphFile.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchSupergraphFile', () => {
  let folder: string;
  let path: string;
  let watching: Closable | undefined;
  let settled = 0;
  const errors: Error[] = [];

  const watch = (file = path, debounceMs = 50) => {
    watching = watchSupergraphFile(
      file,
      debounceMs,
      async () => {
        settled += 1;
      },
      (error) => errors.push(error),
    );
  };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'joined-up-watch-'));
    path = join(folder, 'supergraph.graphql');
    await writeFile(path, 'first');
    settled = 0;
  });

  afterEach(async () => {
    await watching?.close();
    await rm(folder, { recursive: true, force: true });
    expect(errors).toEqual([]);
  });

  it('calls once for several writes in quick succession', async () => {
    // A quiet period long enough that three writes in a row fall within it on a loaded machine too.
    watch(path, 1_000);
    await writeFile(path, '');
    await writeFile(path, 'sec');
    await writeFile(path, 'second');
    await pause(2_500);
    expect(settled).toBe(1);
  });

  it('keeps watching a file replaced by a rename, as editors save', async () => {
    watch();
    for (const version of ['second', 'third']) {
      await writeFile(join(folder, '.supergraph.graphql.swp'), version);
      await rename(join(folder, '.supergraph.graphql.swp'), path);
      await pause(250);
    }
    expect(settled).toBe(2);
  });

  it("follows a ConfigMap's update, which renames its ..data link rather than the file", async () => {
    // The layout Kubernetes mounts: supergraph.graphql -> ..data/supergraph.graphql, ..data -> ..v1.
    const mounted = join(folder, 'mounted');
    await mkdir(join(mounted, '..v1'), { recursive: true });
    await writeFile(join(mounted, '..v1', 'supergraph.graphql'), 'first');
    await symlink('..v1', join(mounted, '..data'));
    await symlink(join('..data', 'supergraph.graphql'), join(mounted, 'supergraph.graphql'));
    watch(join(mounted, 'supergraph.graphql'));

    await mkdir(join(mounted, '..v2'));
    await writeFile(join(mounted, '..v2', 'supergraph.graphql'), 'second');
    await symlink('..v2', join(mounted, '..data_tmp'));
    await rename(join(mounted, '..data_tmp'), join(mounted, '..data'));
    await pause(250);
    expect(settled).toBe(1);
  });

  it('ignores other files in the folder, and stops when closed', async () => {
    watch();
    await writeFile(join(folder, 'subgraphs.json'), '[]');
    await pause(150);
    expect(settled).toBe(0);
    await watching?.close();
    await writeFile(path, 'second');
    await pause(150);
    expect(settled).toBe(0);
  });
});
