/**
 * The security gates' judgement (test/security), on made-up scanner and audit output: what
 * fails the build, what is accepted, and what counts as "could not check".
 */
import { describe, expect, it } from 'vitest';
import { dependencyClosure, importedPackages, judgeAudit, packageOfSpecifier } from '../../security/audit-report';
import type { PackageLock } from '../../security/audit-report';
import { describeVerdict, judgeScan, parseAcceptedFindings } from '../../security/electronegativity-findings';
import type { ScanFinding } from '../../security/electronegativity-findings';

function finding(id: string, file: string, severity: ScanFinding['severity']): ScanFinding {
  return { id, file, severity, confidence: 'FIRM', line: 3, column: 4, description: `about ${id}`, manualReview: false };
}

const securityMd = `# Security

## ${'Accepted Electronegativity findings'}

| check | file | reason |
| --- | --- | --- |
| \`PRELOAD_JS_CHECK\` | \`electron/main/window.ts\` | the preload exposes named functions only |

## Reporting
`;

describe('Electronegativity gate', () => {
  it('reads the accepted findings, each with its reason, from SECURITY.md', () => {
    expect(parseAcceptedFindings(securityMd)).toEqual([{ check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: 'the preload exposes named functions only' }]);
    expect(() => parseAcceptedFindings(securityMd.replace('the preload exposes named functions only', ''))).toThrow(/needs a check, a file and a reason/);
    expect(() => parseAcceptedFindings('# Security\n')).toThrow(/no "Accepted Electronegativity findings" section/);
  });

  it('fails on HIGH and MEDIUM findings unless accepted for that check in that file', () => {
    const accepted = parseAcceptedFindings(securityMd);
    const verdict = judgeScan(
      {
        checks: { global: 5, atomic: 36 },
        errors: [],
        issues: [
          finding('PRELOAD_JS_CHECK', 'electron/main/window.ts', 'MEDIUM'),
          finding('PRELOAD_JS_CHECK', 'electron/main/other.ts', 'MEDIUM'),
          finding('CONTEXT_ISOLATION_JS_CHECK', 'electron/main/window.ts', 'HIGH'),
          finding('CSP_GLOBAL_CHECK', 'electron/main/app-url.ts', 'LOW'),
        ],
      },
      accepted,
    );
    expect(verdict.failing.map((f) => `${f.id} ${f.file}`)).toEqual(['PRELOAD_JS_CHECK electron/main/other.ts', 'CONTEXT_ISOLATION_JS_CHECK electron/main/window.ts']);
    expect(verdict.stale).toEqual([]);
  });

  it('fails on an accepted finding that is no longer reported, and on a file it could not parse', () => {
    const verdict = judgeScan(
      { checks: { global: 5, atomic: 36 }, errors: [{ file: 'renderer/x.tsx', message: 'Unexpected token', tolerable: false }, { file: 'renderer/y.ts', message: 'warning', tolerable: true }], issues: [] },
      parseAcceptedFindings(securityMd),
    );
    expect(describeVerdict(verdict)).toEqual([
      'accepted in SECURITY.md but no longer reported: PRELOAD_JS_CHECK in electron/main/window.ts (remove the row)',
      'not scanned, could not parse renderer/x.tsx: Unexpected token',
    ]);
  });
});

describe('audit gate', () => {
  it('finds the packages code imports at run time, not types, relative files or Node built-ins', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Session } from 'electron';",
      "import { join } from 'node:path';",
      "import React, { useState } from 'react';",
      "import './styles.css';",
      "import '@fontsource/noto-naskh-arabic/400.css';",
      "export { strFromU8 } from 'fflate';",
      "const m = await import('dexie');",
      "import { x } from '../shared/x';",
      "import fs from 'fs';",
    ].join('\n');
    expect([...importedPackages(source)].sort()).toEqual(['@fontsource/noto-naskh-arabic', 'dexie', 'fflate', 'react', 'zod']);
    expect(packageOfSpecifier('@noble/hashes/sha2.js')).toBe('@noble/hashes');
    expect(packageOfSpecifier('virtual:pwa')).toBeUndefined();
  });

  const lock: PackageLock = {
    packages: {
      '': {},
      'node_modules/app-lib': { dependencies: { helper: '^2' } },
      'node_modules/app-lib/node_modules/helper': { version: '2.0.0', dependencies: { leaf: '*' } },
      'node_modules/helper': { version: '1.0.0' },
      'node_modules/leaf': { version: '1.0.0' },
      'node_modules/electron': { dependencies: { '@electron/get': '*' } },
      'node_modules/@electron/get': {},
      'node_modules/build-tool': { dependencies: { helper: '^1' } },
    },
  };

  it('follows dependencies the way Node resolves them; Electron counts without its download helpers', () => {
    expect([...dependencyClosure(lock, ['app-lib', 'electron'], new Set(['electron']))].sort()).toEqual(['app-lib', 'electron', 'helper', 'leaf']);
    expect(() => dependencyClosure(lock, ['missing'])).toThrow(/not in package-lock.json/);
  });

  it('fails on high and critical advisories in shipped packages only', () => {
    const shipped = new Set(['app-lib', 'helper', 'leaf', 'electron']);
    const verdict = judgeAudit(
      {
        vulnerabilities: {
          leaf: { name: 'leaf', severity: 'critical', range: '<1.0.1', via: [{ title: 'Prototype pollution', url: 'https://example.org/GHSA-1' }], fixAvailable: true },
          helper: { name: 'helper', severity: 'high', via: ['leaf'], fixAvailable: { name: 'app-lib', version: '3.0.0' } },
          electron: { name: 'electron', severity: 'moderate', via: [{ title: 'Moderate thing' }] },
          'build-tool': { name: 'build-tool', severity: 'critical', via: [{ title: 'Build-time only' }], fixAvailable: false },
        },
      },
      shipped,
    );
    expect(verdict).toEqual({
      kind: 'checked',
      shipped: 4,
      ignored: 1,
      failing: ['critical leaf <1.0.1: Prototype pollution (https://example.org/GHSA-1) — fix: npm audit fix', 'high helper: via leaf — fix: app-lib@3.0.0'],
    });
  });

  it('reports an unreachable audit endpoint instead of passing or failing', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', error: { summary: '', detail: '' } };
    expect(judgeAudit(refused, new Set())).toEqual({ kind: 'unreachable', reason: refused.message });
    const offline = { message: 'request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:9', error: { summary: '', detail: '' } };
    expect(judgeAudit(offline, new Set()).kind).toBe('unreachable');
  });
});
