import { partnershipSectors, type SubgraphEntry } from '@joined-up/schema';

/** A Kubernetes object as written to a manifest. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string } & Record<string, unknown>;
} & Record<string, unknown>;

/** One kustomization folder: its kustomization.yaml and each resource file's objects. */
export interface Release {
  folder: string;
  namespace: string;
  files: Record<string, KubernetesObject[]>;
}

export const gatewayNamespace = 'joined-up-gateway';
/** Where Prometheus runs: the one namespace besides the gateway's that may reach a subgraph (for /metrics). */
export const monitoringNamespace = 'monitoring';
const imageTag = '0.2.0';

/** An agency's own namespace. */
export function agencyNamespace(agency: string): string {
  return `joined-up-${agency}`;
}

const nameLabel = 'app.kubernetes.io/name';
const labelsOf = (name: string, component: string) => ({
  [nameLabel]: name,
  'app.kubernetes.io/part-of': 'joined-up',
  'app.kubernetes.io/component': component,
});

// Every container runs as the image's node user, with nothing writable but /tmp and no privileges.
const containerSecurity = {
  runAsNonRoot: true,
  runAsUser: 1000,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

function probes(port: number) {
  return {
    // Liveness is /health (the process serves; no agency and no database is asked), so an agency
    // or a database being down never restarts a pod; readiness is /ready.
    livenessProbe: { httpGet: { path: '/health', port }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
    readinessProbe: { httpGet: { path: '/ready', port }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 },
    startupProbe: { httpGet: { path: '/health', port }, periodSeconds: 2, failureThreshold: 60 },
  };
}

function scrapeAnnotations(port: number) {
  return { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' };
}

/** The ConfigMap of identity settings every service of a namespace reads; the platform sets its values. */
function identityConfigMap(): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'joined-up-identity', labels: { 'app.kubernetes.io/part-of': 'joined-up' } },
    data: {
      NODE_ENV: 'production',
      JOINED_UP_ISSUER: 'https://identity.example.nhs.uk',
      JOINED_UP_AUDIENCE: 'joined-up',
      JOINED_UP_JWKS_URL: 'https://identity.example.nhs.uk/.well-known/jwks.json',
    },
  };
}

function namespaceObject(name: string, component: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        'app.kubernetes.io/part-of': 'joined-up',
        'joined-up/component': component,
        // The restricted Pod Security Standard: every pod here runs unprivileged.
        'pod-security.kubernetes.io/enforce': 'restricted',
      },
    },
  };
}

function autoscaler(name: string, min: number, max: number): KubernetesObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: min,
      maxReplicas: max,
      // One Node process uses one core: scale before it is busy.
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ],
    },
  };
}

function disruptionBudget(name: string): KubernetesObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name },
    spec: { minAvailable: 1, selector: { matchLabels: { [nameLabel]: name } } },
  };
}

/** Nothing reaches a pod of the namespace unless a policy below lets it. */
function denyAllIngress(): KubernetesObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'deny-all-ingress' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  };
}

/** An agency's Service as the gateway reaches it across namespaces. */
function serviceHost(agency: string): string {
  return `${agency}.${agencyNamespace(agency)}.svc.cluster.local`;
}

function portOf(entry: SubgraphEntry): number {
  return Number(new URL(entry.url).port);
}

/** The gateway's release: its Deployment, Service, autoscaler, disruption budget, Redis and network policies. */
function gatewayRelease(entries: readonly SubgraphEntry[]): Release {
  const port = 4000;
  const gateway: KubernetesObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'gateway' }, automountServiceAccountToken: false },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gateway', labels: labelsOf('gateway', 'gateway') },
      spec: {
        replicas: 2,
        selector: { matchLabels: { [nameLabel]: 'gateway' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: labelsOf('gateway', 'gateway'), annotations: scrapeAnnotations(port) },
          spec: {
            serviceAccountName: 'gateway',
            automountServiceAccountToken: false,
            // Longer than GATEWAY_SHUTDOWN_GRACE_MS, so requests in flight finish before the pod is killed.
            terminationGracePeriodSeconds: 20,
            containers: [
              {
                name: 'gateway',
                image: 'joined-up/gateway:' + imageTag,
                ports: [{ name: 'http', containerPort: port }],
                envFrom: [{ configMapRef: { name: 'joined-up-identity' } }],
                env: [
                  { name: 'GATEWAY_PORT', value: String(port) },
                  // Kubernetes scales pods; each pod is one process.
                  { name: 'GATEWAY_WORKERS', value: '1' },
                  { name: 'GATEWAY_SHUTDOWN_GRACE_MS', value: '15000' },
                  // The rate limit is shared by every replica.
                  { name: 'GATEWAY_REDIS_URL', value: 'redis://redis:6379' },
                  // A new supergraph is a new ConfigMap: the gateway reads the file as it changes.
                  { name: 'GATEWAY_SUPERGRAPH_PATH', value: '/etc/joined-up/supergraph/supergraph.graphql' },
                  ...entries.map((entry) => ({
                    name: entry.urlVariable,
                    value: `http://${serviceHost(entry.name)}:${portOf(entry)}/graphql`,
                  })),
                ],
                ...probes(port),
                resources: { requests: { cpu: '500m', memory: '256Mi' }, limits: { memory: '512Mi' } },
                securityContext: containerSecurity,
                volumeMounts: [
                  { name: 'supergraph', mountPath: '/etc/joined-up/supergraph', readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            // Made by the deploy from schema/supergraph.graphql (see the README): swapping it serves
            // a new supergraph in every replica without a restart.
            volumes: [
              { name: 'supergraph', configMap: { name: 'supergraph' } },
              { name: 'tmp', emptyDir: {} },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'gateway', labels: labelsOf('gateway', 'gateway') },
      spec: {
        selector: { [nameLabel]: 'gateway' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      },
    },
    autoscaler('gateway', 2, 10),
    disruptionBudget('gateway'),
  ];
  const redis: KubernetesObject[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'redis', labels: labelsOf('redis', 'rate-limit') },
      spec: {
        replicas: 1,
        selector: { matchLabels: { [nameLabel]: 'redis' } },
        template: {
          metadata: { labels: labelsOf('redis', 'rate-limit') },
          spec: {
            automountServiceAccountToken: false,
            containers: [
              {
                name: 'redis',
                image: 'redis:7.4-alpine',
                // Rate-limit counts live for a window: nothing is worth persisting.
                args: [
                  '--save',
                  '',
                  '--appendonly',
                  'no',
                  '--maxmemory',
                  '200mb',
                  '--maxmemory-policy',
                  'volatile-ttl',
                ],
                ports: [{ name: 'redis', containerPort: 6379 }],
                readinessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 10 },
                resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '256Mi' } },
                securityContext: { ...containerSecurity, runAsUser: 999 },
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
            volumes: [{ name: 'data', emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'redis', labels: labelsOf('redis', 'rate-limit') },
      spec: { selector: { [nameLabel]: 'redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] },
    },
  ];
  const policies: KubernetesObject[] = [
    denyAllIngress(),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'gateway-from-anywhere' },
      spec: {
        podSelector: { matchLabels: { [nameLabel]: 'gateway' } },
        policyTypes: ['Ingress'],
        // Clients come through the cluster's ingress controller; every request needs a token.
        ingress: [{ ports: [{ protocol: 'TCP', port }] }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'redis-from-gateway' },
      spec: {
        podSelector: { matchLabels: { [nameLabel]: 'redis' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { [nameLabel]: 'gateway' } } }],
            ports: [{ protocol: 'TCP', port: 6379 }],
          },
        ],
      },
    },
  ];
  return {
    folder: 'gateway',
    namespace: gatewayNamespace,
    files: {
      'namespace.yaml': [namespaceObject(gatewayNamespace, 'gateway'), identityConfigMap()],
      'gateway.yaml': gateway,
      'redis.yaml': redis,
      'network-policies.yaml': policies,
    },
  };
}

/**
 * One agency's release in its own namespace: its subgraph with its own database credentials
 * (the owner role migrates in an init container, the service runs as the runtime role), and
 * network policies that let only the gateway (and Prometheus, for /metrics) reach it.
 */
/** The PostgreSQL role an agency's service runs as: the runtime Secret's URL must log in as it. */
function runtimeRoleOf(agency: string): string {
  return `${agency.replace(/-/g, '_')}_runtime`;
}

function agencyRelease(entry: SubgraphEntry, sectors: readonly string[]): Release {
  const name = entry.name;
  const namespace = agencyNamespace(name);
  const port = portOf(entry);
  const prefix = entry.urlVariable.replace(/_URL$/, '');
  const image = `joined-up/${name}:${imageTag}`;
  const main = `subgraphs/${name}/dist/main.js`;
  const databaseUrl = (role: 'owner' | 'runtime') => ({
    name: `${prefix}_DATABASE_URL`,
    valueFrom: { secretKeyRef: { name: `${name}-database-${role}`, key: 'url' } },
  });
  const subgraph: KubernetesObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name }, automountServiceAccountToken: false },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: labelsOf(name, 'subgraph') },
      spec: {
        replicas: 2,
        selector: { matchLabels: { [nameLabel]: name } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: labelsOf(name, 'subgraph'), annotations: scrapeAnnotations(port) },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            terminationGracePeriodSeconds: 20,
            initContainers: [
              {
                // The database's owner applies the migrations (under an advisory lock, so replicas
                // starting together wait for one another), grants the runtime role what serving needs
                // (the audit only read and appended to) and exits.
                name: 'migrate',
                image,
                command: ['node', main, '--migrate'],
                envFrom: [{ configMapRef: { name: 'joined-up-identity' } }],
                env: [databaseUrl('owner'), { name: `${prefix}_RUNTIME_ROLE`, value: runtimeRoleOf(name) }],
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
                securityContext: containerSecurity,
              },
            ],
            containers: [
              {
                name,
                image,
                ports: [{ name: 'http', containerPort: port }],
                envFrom: [{ configMapRef: { name: 'joined-up-identity' } }],
                env: [
                  { name: `${prefix}_PORT`, value: String(port) },
                  // The runtime role can read and write the agency's data and only append to its audit.
                  databaseUrl('runtime'),
                  { name: `${prefix}_MIGRATE`, value: 'false' },
                  { name: `${prefix}_SHUTDOWN_GRACE_MS`, value: '15000' },
                  { name: 'JOINED_UP_SEED', value: 'false' },
                  { name: 'JOINED_UP_SECTORS', value: sectors.join(',') },
                  // Relationships other agencies record, read through the gateway with the caller's token.
                  {
                    name: 'JOINED_UP_GATEWAY_URL',
                    value: `http://gateway.${gatewayNamespace}.svc.cluster.local:4000/graphql`,
                  },
                ],
                ...probes(port),
                resources: { requests: { cpu: '250m', memory: '192Mi' }, limits: { memory: '512Mi' } },
                securityContext: containerSecurity,
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: labelsOf(name, 'subgraph') },
      spec: { selector: { [nameLabel]: name }, ports: [{ name: 'http', port, targetPort: 'http' }] },
    },
    autoscaler(name, 2, 6),
    disruptionBudget(name),
  ];
  const policies: KubernetesObject[] = [
    denyAllIngress(),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `${name}-from-gateway` },
      spec: {
        podSelector: { matchLabels: { [nameLabel]: name } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            // Only the gateway's pods, in the gateway's namespace: no other agency reaches this one.
            from: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': gatewayNamespace } },
                podSelector: { matchLabels: { [nameLabel]: 'gateway' } },
              },
            ],
            ports: [{ protocol: 'TCP', port }],
          },
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': monitoringNamespace } } }],
            ports: [{ protocol: 'TCP', port }],
          },
        ],
      },
    },
  ];
  return {
    folder: `agencies/${name}`,
    namespace,
    files: {
      'namespace.yaml': [namespaceObject(namespace, 'agency'), identityConfigMap()],
      'subgraph.yaml': subgraph,
      'network-policies.yaml': policies,
    },
  };
}

/**
 * Every release: the gateway's, and one per agency of schema/subgraphs.json, each a kustomization
 * of plain resources in its own namespace. The agencies are data, so a new one gets its release
 * from `npm run manifests` with nothing else changed.
 */
export function renderManifests(entries: readonly SubgraphEntry[]): Release[] {
  const sectors = partnershipSectors([...entries]);
  return [gatewayRelease(entries), ...entries.map((entry) => agencyRelease(entry, sectors))];
}
