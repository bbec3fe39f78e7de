/**
 * Lookup tables with one entry per BMP code unit, filled lazily by the modules that classify
 * characters in hot loops (normalisation, word characters, folds). A flat table of 65,536
 * Int32 entries is 256 KB whether a text uses a few hundred distinct units or all of them;
 * {@link UnitTable} keeps pages of 256 entries, allocated when a unit of that page is first
 * stored, so Arabic text with Latin names and punctuation costs a handful of 1 KB pages.
 */

/** A paged per-BMP-unit table of integers; entries not stored yet read as `initial`. */
export class UnitTable {
  private readonly pages: Array<Int32Array | undefined> = new Array<Int32Array | undefined>(256);

  constructor(private readonly initial: number) {}

  /** The entry of BMP unit `code` (0–0xFFFF), or `initial` when none was stored. */
  get(code: number): number {
    const page = this.pages[code >>> 8];
    return page === undefined ? this.initial : page[code & 0xff]!;
  }

  /** Stores the entry of BMP unit `code` and returns it. */
  set(code: number, value: number): number {
    let page = this.pages[code >>> 8];
    if (page === undefined) page = this.pages[code >>> 8] = new Int32Array(256).fill(this.initial);
    page[code & 0xff] = value;
    return value;
  }
}
