/**
 * Enforces ARCHITECTURE.md: the allowed import directions between the layers of src/,
 * that pure layers touch no clock, randomness, environment or I/O module, and that src/
 * imports no package that is not a runtime dependency (devDependencies are for tests and
 * benchmarks: the policy oracle, the AWS managed policy copy, the SDK clients).
 * Exits non-zero with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', 'src');
const RUNTIME_PACKAGES = new Set(Object.keys(
  (JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies,
));

/** The package a bare import specifier names: `@scope/name` or `name`, without a subpath. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return (spec.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  arn: ['errors'],
  policy: ['arn', 'errors'],
  sigv4: ['errors'],
  tokens: ['arn', 'errors'],
  protocol: ['arn', 'errors'],
  store: ['arn', 'policy', 'tokens', 'errors'],
  auth: ['arn', 'policy', 'sigv4', 'tokens', 'store', 'errors'],
  services: ['arn', 'policy', 'tokens', 'store', 'auth', 'errors'],
  metadata: ['arn', 'policy', 'tokens', 'store', 'auth', 'services', 'errors'],
  server: ['arn', 'policy', 'sigv4', 'tokens', 'protocol', 'store', 'auth', 'services', 'metadata', 'errors', 'index'],
  cli: ['arn', 'policy', 'sigv4', 'tokens', 'protocol', 'store', 'auth', 'services', 'metadata', 'server', 'errors', 'index'],
  index: ['arn', 'policy', 'sigv4', 'tokens', 'protocol', 'store', 'auth', 'services', 'metadata', 'server', 'errors'],
};
const PURE = new Set(['errors', 'arn', 'policy', 'sigv4', 'tokens', 'protocol']);
const PURE_NODE_MODULES = new Set(['node:crypto', 'node:buffer']);
const IMPURE_CALLS: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'reads the clock (Date.now)'],
  [/\bnew Date\s*\(\s*\)/, 'reads the clock (new Date())'],
  [/\bMath\.random\s*\(/, 'uses Math.random'],
  [/\bprocess\./, 'reads the process environment'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  const first = relative(SRC, path).split(sep)[0] as string;
  return first.replace(/\.[jt]s$/, '');
}

/** Import specifiers with comments stripped, so commented examples do not count. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  // Static imports and re-exports (`import … from '…'`, `export … from '…'`, `import '…'`)
  // start a line; dynamic imports are `import('…')`. Text inside strings does not count.
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)) specs.push(m[1] as string);
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specs.push(m[1] as string);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1] as string);
  return specs;
}

const problems: string[] = [];
for (const file of files(SRC)) {
  const layer = layerOf(file);
  const allowed = ALLOWED[layer];
  const name = relative(resolve(SRC, '..'), file);
  if (allowed === undefined) {
    problems.push(`${name}: layer "${layer}" is not in ARCHITECTURE.md`);
    continue;
  }
  const source = readFileSync(file, 'utf8');
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = layerOf(resolve(dirname(file), spec));
      if (target !== layer && !allowed.includes(target)) problems.push(`${name}: ${layer}/ may not import ${target}/ (${spec})`);
    } else if (spec.startsWith('@cloud-copilot/')) {
      problems.push(`${name}: ${spec} is AGPL and a test oracle only`);
    } else if (!spec.startsWith('node:') && !RUNTIME_PACKAGES.has(packageOf(spec))) {
      problems.push(`${name}: ${spec} is not a runtime dependency in package.json`);
    } else if (PURE.has(layer) && (spec.startsWith('node:') ? !PURE_NODE_MODULES.has(spec) : true)) {
      problems.push(`${name}: pure layer ${layer}/ may not import ${spec}`);
    }
  }
  if (PURE.has(layer)) {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [pattern, why] of IMPURE_CALLS) if (pattern.test(code)) problems.push(`${name}: pure layer ${layer}/ ${why}`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`imports: ${files(SRC).length} files follow ARCHITECTURE.md`);
