// Jest on Node 20 cannot `require()` an ES module, and @nestjs/* 12 is ESM-only, so the few CommonJS packages that
// `require('@nestjs/common')` (nestjs-cls and its plugins, @nestjs/throttler, @willsoto/nestjs-prometheus) fail to load in tests,
// although plain Node (20.19+, require(esm)) runs them. This transform rewrites their TypeScript-emitted CommonJS
// files as ES modules: every literal `require('x')` becomes a hoisted `import`, and module.exports objects live in
// a per-test-file registry so that require cycles behave as in CommonJS (a partly filled exports object).
// Only used by Jest (see jest.config.js `transform`); remove it once Jest runs on Node 24.9+ (native require(esm)).
const fs = require('node:fs');
const path = require('node:path');
const { createRequire, builtinModules } = require('node:module');
const lexer = require('cjs-module-lexer');

lexer.initSync();

const CONVERTED =
  /[\\/]node_modules[\\/](nestjs-cls|@nestjs-cls[\\/][a-z-]+|@nestjs[\\/]throttler|@willsoto[\\/]nestjs-prometheus)[\\/]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;

function isEsmFile(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  let dir = path.dirname(file);
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module';
    dir = path.dirname(dir);
  }
  return false;
}

function kindOf(id, fromFile) {
  if (id.startsWith('node:') || builtinModules.includes(id)) return { kind: 'cjs' };
  let resolved;
  try {
    resolved = createRequire(fromFile).resolve(id);
  } catch {
    return { kind: 'missing' };
  }
  if (CONVERTED.test(resolved)) return { kind: 'converted', resolved };
  return { kind: isEsmFile(resolved) ? 'esm' : 'cjs', resolved };
}

function specifierFor(id, info) {
  // Relative ids of converted files are imported by absolute path so that Jest resolves the same file.
  return info.kind === 'converted' ? info.resolved : id;
}

function exportNames(source) {
  const { exports } = lexer.parse(source);
  return [...new Set(exports)].filter(
    (name) => name !== 'default' && name !== '__esModule' && IDENTIFIER.test(name),
  );
}

function convert(source, file) {
  const ids = [...new Set([...source.matchAll(REQUIRE_CALL)].map((match) => match[2]))];
  // tsc writes a module's own requires at column 0; an indented one sits in a function and runs later, so it
  // must not become an eager import (that would add edges to require cycles and change evaluation order).
  const topLevel = new Set(
    source
      .split('\n')
      .filter((line) => /^\S/.test(line))
      .flatMap((line) => [...line.matchAll(REQUIRE_CALL)].map((match) => match[2])),
  );
  const lines = [];
  const cases = [];
  ids.forEach((id, index) => {
    const info = kindOf(id, file);
    const key = JSON.stringify(id);
    if (info.kind === 'missing') return;
    if (info.kind === 'converted') {
      if (topLevel.has(id)) lines.push(`import ${JSON.stringify(specifierFor(id, info))};`);
      cases.push(`${key}: () => __registry(${JSON.stringify(info.resolved)}).exports`);
    } else {
      lines.push(`import * as __dep${index} from ${JSON.stringify(id)};`);
      const value = info.kind === 'esm' ? `__dep${index}` : `(__dep${index}.default ?? __dep${index})`;
      cases.push(`${key}: () => ${value}`);
    }
  });
  const { reexports } = lexer.parse(source);
  const reexportLines = reexports
    .map((id) => ({ id, info: kindOf(id, file) }))
    .filter(({ info }) => info.kind !== 'missing')
    .map(({ id, info }) => `export * from ${JSON.stringify(specifierFor(id, info))};`);
  const names = exportNames(source);
  return [
    ...lines,
    'const __registry = (key) => {',
    '  const registry = (globalThis.__cjsToEsmRegistry ??= new Map());',
    '  if (!registry.has(key)) registry.set(key, { exports: {} });',
    '  return registry.get(key);',
    '};',
    `const module = __registry(${JSON.stringify(file)});`,
    'const exports = module.exports;',
    `const __filename = ${JSON.stringify(file)};`,
    `const __dirname = ${JSON.stringify(path.dirname(file))};`,
    `const __requires = { ${cases.join(', ')} };`,
    'const require = (id) => {',
    '  const load = __requires[id];',
    "  if (!load) throw Object.assign(new Error('Cannot find module ' + id), { code: 'MODULE_NOT_FOUND' });",
    '  return load();',
    '};',
    '(function () {',
    source,
    '}).call(exports);',
    'export default module.exports;',
    ...reexportLines,
    names.length > 0 ? `export const { ${names.join(', ')} } = module.exports;` : '',
  ].join('\n');
}

module.exports = {
  canInstrument: false,
  getCacheKey(source, file) {
    return `cjs-to-esm-v2:${file}:${require('node:crypto').createHash('sha1').update(source).digest('hex')}`;
  },
  process(source, file) {
    return { code: convert(source, file) };
  },
};
