import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository's biome.json, run over a scratch tree laid out like the repository: a crossing fails `biome check`.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');

interface Diagnostic {
  category: string;
  location: { path: string };
}

function restrictedImportsIn(files: Record<string, string>): string[] {
  const scratch = mkdtempSync(path.join(tmpdir(), 'module-boundaries-'));
  try {
    // Without the VCS settings: the scratch tree is not a git checkout.
    const { vcs: _vcs, ...config } = JSON.parse(readFileSync(path.join(ROOT, 'biome.json'), 'utf8'));
    writeFileSync(path.join(scratch, 'biome.json'), JSON.stringify(config));
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      writeFileSync(path.join(scratch, file), source);
    }
    const lint = spawnSync(BIOME, ['lint', '--reporter=json', '.'], { cwd: scratch, encoding: 'utf8' });
    const report = JSON.parse(lint.stdout) as { diagnostics: Diagnostic[] };
    return report.diagnostics
      .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
      .map((diagnostic) => diagnostic.location.path)
      .sort();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const importing = (specifier: string) => `import { x } from '${specifier}';\n\nexport const y = x;\n`;

describe('module boundaries (biome.json)', () => {
  it('fail an app that imports another app and a lib that imports an app', () => {
    expect(
      restrictedImportsIn({
        'apps/projects/src/projects/crossing.ts': importing('../../../gateway/src/identity/id-generator.js'),
        'apps/projects/src/crossing.ts': importing('../../matching/src/app.module.js'),
        'apps/projects/test/support/crossing.ts': importing('../../../gateway/src/main.js'),
        'libs/http/src/crossing.ts': importing('../../../apps/projects/src/app.module.js'),
      }),
    ).toEqual([
      'apps/projects/src/crossing.ts',
      'apps/projects/src/projects/crossing.ts',
      'apps/projects/test/support/crossing.ts',
      'libs/http/src/crossing.ts',
    ]);
  });

  it('let code import its own package and the libs by name', () => {
    expect(
      restrictedImportsIn({
        'apps/projects/test/support/fine.ts': importing('../../src/app.module.js'),
        'apps/projects/src/projects/fine.ts': importing('@khoinghiep/messaging'),
        'libs/messaging/src/outbox/fine.ts': importing('../relay/outbox-signal.js'),
      }),
    ).toEqual([]);
  });

  it('keep the contracts to validation: class-validator, class-transformer, reflect-metadata and themselves', () => {
    expect(
      restrictedImportsIn({
        'libs/contracts/src/fine.ts': [
          "import 'reflect-metadata';",
          "import { Type } from 'class-transformer';",
          "import { IsString } from 'class-validator';",
          "import { a } from './projects/a.js';",
          '',
          'export const y = [Type, IsString, a];',
          '',
        ].join('\n'),
        'libs/contracts/src/nest.ts': importing('@nestjs/common'),
        'libs/contracts/src/node.ts': importing('node:fs'),
        'libs/contracts/src/lib.ts': importing('@khoinghiep/observability'),
      }),
    ).toEqual(['libs/contracts/src/lib.ts', 'libs/contracts/src/nest.ts', 'libs/contracts/src/node.ts']);
  });
});
