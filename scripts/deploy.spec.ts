import { readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';

// docker compose and Kubernetes cannot run on the build machines, so their files are checked by reading them.
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

const APPS = { gateway: 3000, projects: 3101, matching: 3102, funding: 3103, training: 3104 } as const;
const INFRA_ENV = ['NODE_ENV', 'DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET', 'HOST', 'PORT'];
const GATEWAY_METRICS_PORT = 9464;
const SERVICE_URLS = ['PROJECTS_URL', 'MATCHING_URL', 'FUNDING_URL', 'TRAINING_URL'];

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args: Record<string, string> };
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('docker-compose.yml', () => {
  // Compose resolves `<<:` merge keys (YAML 1.1), so the test does too.
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const { services } = compose;

  it('runs Kafka 3.9 in KRaft mode without topic auto-creation', () => {
    const kafka = services.kafka;
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(kafka.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    expect(kafka.environment?.CLUSTER_ID).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(kafka.healthcheck?.test.join(' ')).toContain('--bootstrap-server localhost:9092');
  });

  it('runs PostgreSQL 15 with a health check', () => {
    expect(services.postgres.image).toBe('postgres:15');
    expect(services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it.each(Object.entries(APPS))('builds and wires %s from the shared Dockerfile', (app, port) => {
    const service = services[app];
    expect(service.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', args: { APP: app } });
    expect(Object.keys(service.environment ?? {})).toEqual(expect.arrayContaining(INFRA_ENV));
    expect(String(service.environment?.PORT)).toBe(String(port));
    expect(service.environment?.KAFKA_BROKERS).toBe('kafka:9092');
    // Reachable from the other containers; no signing key in the repository, the environment must give one.
    expect(service.environment?.HOST).toBe('0.0.0.0');
    expect(String(service.environment?.JWT_SECRET)).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(service.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(service.depends_on).toEqual({
      kafka: { condition: 'service_healthy' },
      postgres: { condition: 'service_healthy' },
    });
    expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
  });

  it('publishes only the gateway and points it at every service', () => {
    const published = Object.entries(services).filter(([name, service]) => name in APPS && service.ports);
    expect(published.map(([name]) => name)).toEqual(['gateway']);
    expect(services.gateway.ports).toEqual(['3000:3000']);
    for (const variable of SERVICE_URLS) {
      const app = variable.replace('_URL', '').toLowerCase() as keyof typeof APPS;
      expect(services.gateway.environment?.[variable]).toBe(`http://${app}:${APPS[app]}`);
    }
  });
});

describe('deploy/Dockerfile', () => {
  it('builds one app chosen by the APP build argument', () => {
    const dockerfile = read('deploy/Dockerfile');
    expect(dockerfile).toMatch(/^ARG APP$/m);
    expect(dockerfile).toMatch(/node apps\/\$\{APP\}\/dist\/main\.js/);
  });
});

describe('deploy/k8s', () => {
  interface Manifest {
    kind: string;
    metadata: { name: string };
    spec: {
      template?: {
        metadata: { annotations: Record<string, string> };
        spec: { containers: KubeContainer[] };
      };
      ports?: { port: number; targetPort: string }[];
    };
  }
  interface KubeContainer {
    image: string;
    ports: { name: string; containerPort: number }[];
    env: { name: string; value?: string }[];
    envFrom: { configMapRef: { name: string } }[];
    readinessProbe: { httpGet: { path: string } };
    livenessProbe: { httpGet: { path: string } };
  }

  const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as { resources: string[] };
  const config = parse(read('deploy/k8s/config.yaml')) as { data: Record<string, string> };

  it.each(Object.entries(APPS))('has a Deployment and a Service for %s', (app, port) => {
    expect(kustomization.resources).toContain(`${app}.yaml`);
    const manifests = parseAllDocuments(read(`deploy/k8s/${app}.yaml`)).map((doc) => doc.toJS() as Manifest);
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(['Deployment', 'Service']);
    const deployment = manifests.find((manifest) => manifest.kind === 'Deployment');
    const [container] = deployment?.spec.template?.spec.containers ?? [];
    expect(container.image).toBe(`khoinghiep-hub/${app}`);
    expect(container.ports).toContainEqual({ name: 'http', containerPort: port });
    const annotations = deployment?.spec.template?.metadata.annotations ?? {};
    const metricsPort = app === 'gateway' ? GATEWAY_METRICS_PORT : port;
    expect(annotations['prometheus.io/port']).toBe(String(metricsPort));
    expect(container.env).toContainEqual({ name: 'PORT', value: String(port) });
    expect(container.env.map((variable) => variable.name)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET']),
    );
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'khoinghiep-config' } }]);
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    const service = manifests.find((manifest) => manifest.kind === 'Service');
    expect(service?.metadata.name).toBe(app);
    expect(service?.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
  });

  it('configures Kafka, production mode, the pod address and the service URLs', () => {
    expect(Object.keys(config.data)).toEqual(
      expect.arrayContaining(['NODE_ENV', 'KAFKA_BROKERS', ...SERVICE_URLS]),
    );
    expect(config.data.NODE_ENV).toBe('production');
    expect(config.data.HOST).toBe('0.0.0.0');
  });

  it('scrapes the gateway on a metrics port that its Service does not expose', () => {
    const manifests = parseAllDocuments(read('deploy/k8s/gateway.yaml')).map((doc) => doc.toJS() as Manifest);
    const deployment = manifests.find((manifest) => manifest.kind === 'Deployment');
    const [container] = deployment?.spec.template?.spec.containers ?? [];
    expect(container.ports).toEqual([
      { name: 'http', containerPort: APPS.gateway },
      { name: 'metrics', containerPort: GATEWAY_METRICS_PORT },
    ]);
    expect(container.env).toContainEqual({ name: 'METRICS_PORT', value: String(GATEWAY_METRICS_PORT) });
    expect(container.env).toContainEqual({ name: 'METRICS_HOST', value: '0.0.0.0' });
    const service = manifests.find((manifest) => manifest.kind === 'Service');
    expect(service?.spec.ports?.map((servicePort) => servicePort.port)).toEqual([APPS.gateway]);
  });

  it('keeps no signing key in the secret template', () => {
    const secret = parse(read('deploy/k8s/secret.example.yaml')) as { stringData: Record<string, string> };
    expect(secret.stringData.JWT_SECRET).toBe('');
  });
});
