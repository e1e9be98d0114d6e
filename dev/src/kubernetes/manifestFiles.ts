import { stringify } from 'yaml';
import type { SubgraphEntry } from '@joined-up/schema';
import { renderManifests } from './renderManifests.ts';

const header =
  '# Written by `npm run manifests` from schema/subgraphs.json (dev/src/kubernetes/renderManifests.ts);\n' +
  '# change that, not this file. `kubectl apply -k` this folder deploys the release.\n';

/** Every file under deploy/kubernetes, by path within it: each release's resources and its kustomization.yaml. */
export function manifestFiles(entries: readonly SubgraphEntry[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const release of renderManifests(entries)) {
    for (const [file, objects] of Object.entries(release.files)) {
      files.set(
        `${release.folder}/${file}`,
        header +
          objects.map((object) => stringify(object, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'),
      );
    }
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: release.namespace,
      resources: Object.keys(release.files),
    };
    files.set(`${release.folder}/kustomization.yaml`, header + stringify(kustomization));
  }
  return files;
}
