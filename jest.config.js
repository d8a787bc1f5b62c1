// One Jest setup, three tiers. `npm test` (scripts/test.mjs) brings up Kafka and PostgreSQL and runs all three.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
    },
    module: { type: 'es6' },
  },
];

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    // CommonJS packages that require ESM-only @nestjs/* (see the transform's header): loaded as ES modules.
    '/node_modules/(nestjs-cls|@nestjs-cls/[a-z-]+|@nestjs/throttler|@willsoto/nestjs-prometheus)/.+\\.js$':
      '<rootDir>/test/jest/cjs-to-esm.transform.cjs',
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(nestjs-cls|@nestjs-cls/[a-z-]+|@nestjs/throttler|@willsoto/nestjs-prometheus)/)',
  ],
  moduleNameMapper: {
    '^@khoinghiep/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/'],
};

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // The five apps as real processes, once for every e2e file (built JS: run `npm run build` first).
      globalSetup: '<rootDir>/libs/testing/dist/jest/e2e-global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/dist/jest/e2e-global-teardown.js',
    },
  ],
};
