/**
 * Finding the matches of a prepared (normalised) query in a normalised text, as ranges of
 * the original text, a few at a time or all at once.
 */
import { mapRangeToOriginal, type NormalisedText } from '../text/normalise';
import type { TextMatch } from './search';
import { isWordCharAt } from './wordChars';

/**
 * The matches of a prepared query in one normalised text, found a few at a time (the
 * corpus scan) or all at once (`findInText`, `searchDocuments`): one loop for both, its
 * position kept between calls.
 */
export class MatchScanner {
  /** Matches kept so far (all of them when `keep` is true, else only the first). */
  readonly matches: TextMatch[] = [];
  /** Matches found so far. */
  count = 0;
  private at: number;
  private lastEnd = 0;

  constructor(
    private readonly n: NormalisedText,
    private readonly q: string,
    private readonly wholeWord: boolean,
    private readonly keep: boolean,
  ) {
    this.at = q.length ? n.text.indexOf(q) : -1;
  }

  /** True once every match has been found. */
  get done(): boolean {
    return this.at < 0;
  }

  /** Finds up to `limit` more candidate matches; true once done. */
  scan(limit: number): boolean {
    const { n, q } = this;
    const hay = n.text;
    for (let budget = limit; this.at >= 0 && budget > 0; budget--) {
      const at = this.at;
      const end = at + q.length;
      if (this.wholeWord && (isWordCharAt(hay, at - 1) || isWordCharAt(hay, end))) {
        this.at = hay.indexOf(q, at + 1);
        continue;
      }
      const range = mapRangeToOriginal(n, at, end);
      // Widening to graphemes can make neighbours touch a shared cluster (ال|ال in الال):
      // the later match is then dropped so results never overlap.
      if (range.start >= this.lastEnd) {
        if (this.keep || this.count === 0) this.matches.push(range);
        this.count++;
        this.lastEnd = range.end;
      }
      this.at = hay.indexOf(q, end);
    }
    return this.at < 0;
  }
}
