/**
 * Regression (found by test/e2e/untrusted-content.spec.ts): zod 4 probed for `new Function`
 * when its first object schema was built, which the app's CSP refuses with a
 * `securitypolicyviolation` — noise that hides real script injection. Every zod import goes
 * through shared/security/zod.ts, configured jitless, so the probe never happens.
 */
import { describe, expect, it, vi } from 'vitest';

describe('zod under the CSP', () => {
  it('builds and runs the app schemas without ever calling Function', async () => {
    const realFunction = globalThis.Function;
    const calls: unknown[][] = [];
    const spy = new Proxy(realFunction, {
      apply: (target, self, args: unknown[]) => (calls.push(args), Reflect.apply(target, self, args)),
      construct: (target, args: unknown[]) => (calls.push(args), Reflect.construct(target, args)),
    });
    vi.stubGlobal('Function', spy);
    try {
      vi.resetModules();
      const { nativeFileSchema } = await import('../../../shared/formats/native-schema');
      const { IPC_CONTRACT } = await import('../../../shared/ipc/contract');
      const { parseRegistryFile } = await import('../../../shared/attribution/registry-file');
      expect(nativeFileSchema.safeParse({ format: 'isnad-corpus' }).success).toBe(false);
      expect(IPC_CONTRACT.saveExport.args.safeParse([{ suggestedName: 'a.json', contents: '{}' }]).success).toBe(true);
      expect(parseRegistryFile('[{"nameAr": "س", "kind": "person"}]', { corpusId: 'c', createdAt: 'now' }).ok).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls).toEqual([]);
  });
});
