import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UnitTable } from '../../../shared/text/unit-table';

describe('a paged table per BMP unit', () => {
  it('reads the initial value until an entry is stored, then the stored one, at every unit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -3, max: 0xffff })), { maxLength: 200 }), fc.integer({ min: 0, max: 0xffff }), (writes, probe) => {
        const table = new UnitTable(-2);
        const model = new Map<number, number>();
        for (const [code, value] of writes) {
          expect(table.set(code, value)).toBe(value);
          model.set(code, value);
        }
        for (const code of [probe, ...model.keys(), 0, 0xff, 0x100, 0xffff]) expect(table.get(code)).toBe(model.get(code) ?? -2);
      }),
    );
  });
});
