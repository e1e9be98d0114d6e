import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSubgraphList } from '@joined-up/schema';
import { manifestFiles } from './manifestFiles.ts';

// `npm run manifests`: writes deploy/kubernetes afresh, one kustomization per release.
const root = fileURLToPath(new URL('../../../deploy/kubernetes/', import.meta.url));
rmSync(root, { recursive: true, force: true });
for (const [path, text] of manifestFiles(readSubgraphList())) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`Wrote ${root}`);
