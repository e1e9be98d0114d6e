import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSubgraphList } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { manifestFiles } from '../../dev/src/kubernetes/manifestFiles.ts';

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } } & Record<
  string,
  any // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are read as the YAML they are
>;

const root = fileURLToPath(new URL('../../deploy/kubernetes/', import.meta.url));
const entries = readSubgraphList();

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(root, path)];
  });
}

/**
 * What `kubectl kustomize <folder>` renders from a kustomization that has only a namespace and
 * resources: every object of every resource file, put in that namespace (a Namespace, being
 * cluster-wide, is not). Anything else in a kustomization would need kustomize itself, so it fails.
 */
function render(folder: string): Manifest[] {
  const kustomization = parseYaml(readFileSync(join(root, folder, 'kustomization.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(Object.keys(kustomization).sort()).toEqual(['apiVersion', 'kind', 'namespace', 'resources']);
  const namespace = kustomization['namespace'] as string;
  return (kustomization['resources'] as string[]).flatMap((file) =>
    parseAllDocuments(readFileSync(join(root, folder, file), 'utf8')).map((document) => {
      expect(document.errors).toEqual([]);
      const object = document.toJS() as Manifest;
      if (object.kind !== 'Namespace') object.metadata.namespace = namespace;
      return object;
    }),
  );
}

const modules: Record<string, string> = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
};

/** Validates an object against the Kubernetes API's OpenAPI schema for its kind (kubernetes-models). */
async function validate(object: Manifest): Promise<void> {
  const module = modules[object.apiVersion];
  if (!module) throw new Error(`no schema for ${object.apiVersion}`);
  const kinds = (await import(module)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = kinds[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

const releases = ['gateway', ...entries.map((entry) => `agencies/${entry.name}`)];
const rendered = Object.fromEntries(releases.map((folder) => [folder, render(folder)]));
const find = (folder: string, kind: string, name: string) =>
  rendered[folder]!.find((object) => object.kind === kind && object.metadata.name === name);

describe('the Kubernetes manifests (deploy/kubernetes)', () => {
  it('are what npm run manifests writes from schema/subgraphs.json', () => {
    const expected = manifestFiles(entries);
    expect(filesUnder(root).sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(readFileSync(join(root, path), 'utf8'), path).toBe(text);
  });

  it('render offline and validate against the Kubernetes API schemas', async () => {
    for (const [folder, objects] of Object.entries(rendered)) {
      expect(objects.length, folder).toBeGreaterThan(5);
      for (const object of objects) await validate(object);
    }
    // The validator refuses what the API server would.
    const broken = structuredClone(find('gateway', 'Deployment', 'gateway')!);
    broken['spec'].replicas = 'two';
    await expect(validate(broken)).rejects.toThrow();
  });

  it('give the gateway a Deployment, Service, autoscaler and disruption budget, probed on /health and /ready', () => {
    const deployment = find('gateway', 'Deployment', 'gateway')!;
    const pod = deployment['spec'].template;
    const container = pod.spec.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(find('gateway', 'HorizontalPodAutoscaler', 'gateway')!['spec'].scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'gateway',
    });
    for (const selecting of [
      find('gateway', 'PodDisruptionBudget', 'gateway')!,
      find('gateway', 'Service', 'gateway')!,
    ]) {
      const selector = selecting['spec'].selector.matchLabels ?? selecting['spec'].selector;
      expect(pod.metadata.labels).toMatchObject(selector);
    }
    const env = Object.fromEntries(
      container.env.map((variable: { name: string; value: string }) => [variable.name, variable.value]),
    );
    expect(env['GATEWAY_REDIS_URL']).toBe('redis://redis:6379');
    // Each agency at its own Service, in its own namespace, on the port that Service serves.
    for (const entry of entries) {
      const service = find(`agencies/${entry.name}`, 'Service', entry.name)!;
      expect(env[entry.urlVariable]).toBe(
        `http://${entry.name}.${service.metadata.namespace}.svc.cluster.local:${service['spec'].ports[0].port}/graphql`,
      );
    }
  });

  it('run each agency in its own namespace with two database roles: the owner migrates, the runtime serves', () => {
    const namespaces = new Set<string>();
    for (const entry of entries) {
      const folder = `agencies/${entry.name}`;
      const deployment = find(folder, 'Deployment', entry.name)!;
      namespaces.add(deployment.metadata.namespace!);
      const pod = deployment['spec'].template.spec;
      const secretOf = (container: { env: Array<{ name: string; valueFrom?: { secretKeyRef: { name: string } } }> }) =>
        container.env.find((variable) => variable.name.endsWith('_DATABASE_URL'))?.valueFrom?.secretKeyRef.name;
      expect(pod.initContainers[0].command).toContain('--migrate');
      expect(secretOf(pod.initContainers[0])).toBe(`${entry.name}-database-owner`);
      // Migrating grants the runtime role what serving needs, the audit only read and appended to.
      expect(pod.initContainers[0].env).toContainEqual({
        name: `${entry.urlVariable.replace(/_URL$/, '')}_RUNTIME_ROLE`,
        value: `${entry.name.replace(/-/g, '_')}_runtime`,
      });
      expect(secretOf(pod.containers[0])).toBe(`${entry.name}-database-runtime`);
      expect(pod.containers[0].env).toContainEqual({
        name: `${entry.urlVariable.replace(/_URL$/, '')}_MIGRATE`,
        value: 'false',
      });
      expect(pod.containers[0].livenessProbe.httpGet.path).toBe('/health');
      expect(pod.containers[0].readinessProbe.httpGet.path).toBe('/ready');
      expect(find(folder, 'PodDisruptionBudget', entry.name)).toBeDefined();
    }
    expect(namespaces.size).toBe(entries.length);
  });

  it('let only the gateway (and Prometheus) reach a subgraph, and only the gateway reach Redis', () => {
    for (const entry of entries) {
      const folder = `agencies/${entry.name}`;
      const policies = rendered[folder]!.filter((object) => object.kind === 'NetworkPolicy');
      expect(policies.find((policy) => policy.metadata.name === 'deny-all-ingress')!['spec']).toEqual({
        podSelector: {},
        policyTypes: ['Ingress'],
      });
      const admitted = policies.flatMap((policy) =>
        (policy['spec'].ingress ?? []).flatMap((rule: { from?: unknown[] }) => rule.from ?? ['anyone']),
      );
      expect(admitted).toEqual([
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'joined-up-gateway' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } },
        },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
      ]);
    }
    expect(find('gateway', 'NetworkPolicy', 'redis-from-gateway')!['spec'].ingress[0].from).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } },
    ]);
    expect(existsSync(join(root, 'gateway', 'kustomization.yaml'))).toBe(true);
  });
});
