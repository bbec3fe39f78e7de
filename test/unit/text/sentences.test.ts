import { describe, expect, it } from 'vitest';
import { nextSentenceEdge, sentenceAt, sentencesOfLine, type SentenceLevel } from '../../../shared/text/sentences';
import { lineAt, nextLineStart, previousLineEnd } from '../../../shared/text/lines';

/** The sentences of the whole text, as strings. */
function sentences(text: string, level: SentenceLevel = 'sentence'): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const line = lineAt(text, start);
    out.push(...sentencesOfLine(text, line.start, line.end, level).map((s) => text.slice(s.start, s.end)));
    if (line.end >= text.length) return out;
    start = line.end + 1;
  }
}

/** Walks the text by sentence edges in one direction, collecting every stop. */
function walk(text: string, direction: 'forward' | 'backward', level: SentenceLevel = 'sentence'): number[] {
  const stops: number[] = [];
  let at = direction === 'forward' ? 0 : text.length;
  for (let guard = 0; guard < 100; guard++) {
    const next = nextSentenceEdge(text, at, direction, level);
    if (next === at) return stops;
    stops.push(next);
    at = next;
  }
  throw new Error('no progress');
}

describe('sentence boundaries', () => {
  it('ends Arabic sentences at ؟ ! . and ؛, keeping a run like ؟! together', () => {
    const text = 'هل ستستمر المحادثات؟! قال الوزير إنها ستستمر. وأضاف أن الوفد سيعود غداً؛ ولم يذكر التفاصيل';
    expect(sentences(text)).toEqual(['هل ستستمر المحادثات؟!', 'قال الوزير إنها ستستمر.', 'وأضاف أن الوفد سيعود غداً؛', 'ولم يذكر التفاصيل']);
  });

  it('does not end a sentence at a decimal point, a domain name or a Latin initial', () => {
    const text = 'يعتمد 4.1 مليون شخص على المساعدات بحسب موقع RIA.ru والمتحدث J. Martin. ثم انتهى المؤتمر.';
    expect(sentences(text)).toEqual(['يعتمد 4.1 مليون شخص على المساعدات بحسب موقع RIA.ru والمتحدث J. Martin.', 'ثم انتهى المؤتمر.']);
    expect(sentences('The U.N. said 4.1 million people need aid. Talks resume on Monday.')).toEqual(['The U.N. said 4.1 million people need aid.', 'Talks resume on Monday.']);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    const text = 'قال: «هل هذا ممكن؟» ثم صمت. (وهذا ما حدث!) انتهى';
    expect(sentences(text)).toEqual(['قال: «هل هذا ممكن؟»', 'ثم صمت.', '(وهذا ما حدث!)', 'انتهى']);
  });

  it('splits clauses at the Arabic comma, and at Latin , ; : only before a space', () => {
    const text = 'أعلنت الوزارة، اليوم الأربعاء، أن 1,000 شخص غادروا عند 10:30; وقال: لا تعليق.';
    expect(sentences(text, 'clause')).toEqual(['أعلنت الوزارة،', 'اليوم الأربعاء،', 'أن 1,000 شخص غادروا عند 10:30;', 'وقال:', 'لا تعليق.']);
    expect(sentences(text, 'sentence')).toEqual([text]);
  });

  it('treats every paragraph break as the end of a sentence', () => {
    expect(sentences('عنوان الخبر بلا نقطة\nالجملة الأولى. الثانية\n\nفقرة أخيرة')).toEqual(['عنوان الخبر بلا نقطة', 'الجملة الأولى.', 'الثانية', 'فقرة أخيرة']);
  });

  it('moves forward to sentence ends and backward to sentence starts, across paragraphs', () => {
    const text = 'أولاً. ثانياً؟\nثالثاً!';
    expect(walk(text, 'forward').map((o) => text.slice(0, o))).toEqual(['أولاً.', 'أولاً. ثانياً؟', text]);
    expect(walk(text, 'backward').map((o) => text.slice(o))).toEqual(['ثالثاً!', 'ثانياً؟\nثالثاً!', text]);
  });

  it('from inside a sentence, goes to that sentence’s own edges', () => {
    const text = 'قال الوزير إنها ستستمر.  وأضاف أن الوفد سيعود.';
    const inside = text.indexOf('الوفد');
    expect(text.slice(inside, nextSentenceEdge(text, inside, 'forward'))).toBe('الوفد سيعود.');
    expect(text.slice(nextSentenceEdge(text, inside, 'backward'), inside)).toBe('وأضاف أن ');
    expect(sentenceAt(text, inside)).toEqual({ start: text.indexOf('وأضاف'), end: text.length });
    expect(sentenceAt(text, text.indexOf(' وأضاف'))).toBeNull();
    expect(sentenceAt(text, text.indexOf('.'))).toEqual({ start: 0, end: text.indexOf('.') + 1 });
  });

  it('stays within the text at its edges and with blank text', () => {
    expect(nextSentenceEdge('', 0, 'forward')).toBe(0);
    expect(nextSentenceEdge('   ', 1, 'backward')).toBe(0);
    expect(nextSentenceEdge('جملة.', 99, 'forward')).toBe(5);
    expect(nextSentenceEdge('جملة.', -3, 'backward')).toBe(0);
  });
});

describe('lines', () => {
  it('finds the line around an offset and steps over \\n and \\r\\n breaks', () => {
    const text = 'سطر أول\r\nسطر ثان\nثالث';
    const second = text.indexOf('سطر ثان');
    expect(lineAt(text, 2)).toEqual({ start: 0, end: 7 });
    expect(lineAt(text, 7)).toEqual({ start: 0, end: 7 });
    expect(lineAt(text, second + 1)).toEqual({ start: second, end: second + 7 });
    expect(nextLineStart(text, 7)).toBe(second);
    expect(previousLineEnd(text, second)).toBe(7);
    expect(nextLineStart(text, text.length)).toBeNull();
    expect(previousLineEnd(text, 0)).toBeNull();
    expect(nextSentenceEdge(text, 0, 'forward')).toBe(7);
    expect(nextSentenceEdge(text, 7, 'forward')).toBe(second + 7);
    expect(nextSentenceEdge(text, second, 'backward')).toBe(0);
  });
});
