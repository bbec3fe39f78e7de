/**
 * The audit gate's logic. Isnad bundles every library into out/ and declares no runtime
 * `dependencies`, so `npm audit --omit=dev` alone audits nothing. What ships is the Electron
 * runtime plus the packages the app's code imports (and what they import in turn); the gate
 * audits the whole tree and counts the advisories against those packages.
 */

/** The parts of a package-lock.json (lockfileVersion 2 or 3) the closure reads. */
export interface PackageLock {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
}

/** One entry of `npm audit --json` (report version 2), keyed by package name. */
export interface AuditVulnerability {
  name: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  via: Array<string | { title?: string; url?: string; severity?: string; range?: string }>;
  range?: string;
  fixAvailable?: boolean | { name: string; version: string };
}

/** What `npm audit --json` prints: a report, or an error when the endpoint did not answer. */
export type AuditOutput = { vulnerabilities: Record<string, AuditVulnerability> } | { message?: string; error?: unknown };

/** The verdict on one audit run. */
export type AuditVerdict =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'checked'; shipped: number; failing: string[]; ignored: number };

const NODE_BUILTINS = new Set(['fs', 'path', 'url', 'os', 'crypto', 'util', 'child_process', 'stream', 'events', 'buffer', 'worker_threads', 'process', 'assert', 'zlib', 'http', 'https', 'net', 'tty', 'module', 'readline', 'timers', 'perf_hooks', 'vm']);

/** The package a bare import specifier names ("@scope/name/sub" → "@scope/name"), or undefined for relative, node: and built-in imports. */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.includes(':')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const bare = name.split('?')[0]!;
  return NODE_BUILTINS.has(bare) ? undefined : bare;
}

const IMPORT_PATTERNS = [
  // import x from 'p'; import { a } from 'p'; export { a } from 'p' — but not `import type` / `export type`.
  /^\s*(?:import|export)(?!\s+type\s)[^;'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
  // import 'p'; (side effects: styles, fonts)
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  // import('p')
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  // CSS @import 'p' / url('p')
  /@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g,
];

/** The packages one source file (TypeScript, TSX or CSS) imports at run time. */
export function importedPackages(source: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const name = packageOfSpecifier(match[1]!);
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * The names of `roots` and everything they depend on, resolved in the lockfile the way Node
 * resolves (nearest node_modules first). Roots listed in `withoutDependencies` count alone
 * (Electron: its npm dependencies only download the runtime and do not ship).
 */
export function dependencyClosure(lock: PackageLock, roots: Iterable<string>, withoutDependencies: ReadonlySet<string> = new Set()): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const resolvePath = (from: string, name: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!base) return undefined;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut < 0 ? '' : base.slice(0, cut);
    }
  };
  const visit = (path: string, name: string): void => {
    names.add(name);
    if (seen.has(path) || withoutDependencies.has(name)) return;
    seen.add(path);
    const entry = lock.packages[path]!;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const resolved = resolvePath(path, dep);
      if (resolved) visit(resolved, dep);
    }
  };
  for (const root of roots) {
    const path = resolvePath('', root);
    if (!path) throw new Error(`${root} is imported by the app but not in package-lock.json`);
    visit(path, root);
  }
  return names;
}

function advisoryTitles(vulnerability: AuditVulnerability): string {
  const titles = vulnerability.via.map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title ?? 'advisory'}${via.url ? ` (${via.url})` : ''}`));
  return titles.join('; ');
}

/** Judges `npm audit --json` output: high and critical advisories in shipped packages fail; an endpoint error is "unreachable", not a failure. */
export function judgeAudit(output: AuditOutput, shipped: ReadonlySet<string>): AuditVerdict {
  if (!('vulnerabilities' in output) || typeof output.vulnerabilities !== 'object' || output.vulnerabilities === null) {
    const message = 'message' in output && typeof output.message === 'string' ? output.message : JSON.stringify(output).slice(0, 300);
    return { kind: 'unreachable', reason: message };
  }
  const failing: string[] = [];
  let ignored = 0;
  for (const [name, vulnerability] of Object.entries(output.vulnerabilities)) {
    if (vulnerability.severity !== 'high' && vulnerability.severity !== 'critical') continue;
    if (!shipped.has(name)) {
      ignored += 1;
      continue;
    }
    const fix = vulnerability.fixAvailable === false ? 'no fix available' : vulnerability.fixAvailable === true ? 'fix: npm audit fix' : vulnerability.fixAvailable ? `fix: ${vulnerability.fixAvailable.name}@${vulnerability.fixAvailable.version}` : '';
    failing.push(`${vulnerability.severity} ${name}${vulnerability.range ? ` ${vulnerability.range}` : ''}: ${advisoryTitles(vulnerability)}${fix ? ` — ${fix}` : ''}`);
  }
  return { kind: 'checked', shipped: shipped.size, failing, ignored };
}
