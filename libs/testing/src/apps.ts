import { fileURLToPath } from 'node:url';

export const APP_NAMES = ['gateway', 'projects', 'matching', 'funding', 'training'] as const;
export type AppName = (typeof APP_NAMES)[number];

/** `TEST_SLOT=n` moves the test platform's ports by 10 × n, so checkouts side by side can each run their tests. */
const SLOT_OFFSET = Number(process.env.TEST_SLOT ?? 0) * 10;

/** Ports of the platform under test: clear of `npm start`'s 3000 and 3101–3104, so both can run at once. */
export const TEST_PORTS: Readonly<Record<AppName, number>> = {
  gateway: 4000 + SLOT_OFFSET,
  projects: 4101 + SLOT_OFFSET,
  matching: 4102 + SLOT_OFFSET,
  funding: 4103 + SLOT_OFFSET,
  training: 4104 + SLOT_OFFSET,
};

/** Where the gateway under test serves Prometheus (its public port does not). */
export const TEST_METRICS_PORT = 4009 + SLOT_OFFSET;

/** The first admin the apps create at boot under test (ADMIN_EMAIL/ADMIN_PASSWORD). */
export const TEST_ADMIN = {
  email: process.env.ADMIN_EMAIL ?? 'admin@khoinghiep.test',
  password: process.env.ADMIN_PASSWORD ?? 'Khoinghiep-Test-Admin-2026!',
} as const;

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the gateway finds each service: `<APP>_URL`. */
export function serviceUrls(ports: Readonly<Record<AppName, number>>): Record<string, string> {
  return Object.fromEntries(
    APP_NAMES.map((app) => [`${app.toUpperCase()}_URL`, `http://127.0.0.1:${ports[app]}`]),
  );
}

/**
 * Environment of an app under test: the caller's infrastructure (KAFKA_BROKERS, DATABASE_URL), the test database
 * prefix, the test admin and test ports; `overrides` win.
 */
export function testAppEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Jest's --experimental-vm-modules is for the test runner, not for the apps.
    NODE_OPTIONS: undefined,
    NODE_ENV: 'test',
    DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    // Every test signs in from 127.0.0.1: the real limit (10/min per address) would throttle the suite itself.
    // The rate-limit test starts its own gateway with a low limit.
    AUTH_RATE_LIMIT: process.env.AUTH_RATE_LIMIT ?? '100000',
    // The platform's gateway on its test port; any other gateway a test starts, on a port of the system's choosing.
    METRICS_PORT: String(
      overrides.PORT === undefined || Number(overrides.PORT) === TEST_PORTS.gateway ? TEST_METRICS_PORT : 0,
    ),
    ...serviceUrls(TEST_PORTS),
    ...overrides,
  };
}
