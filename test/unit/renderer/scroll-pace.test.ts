import { describe, expect, it } from 'vitest';
import { FLING_SETTLE_MS, ScrollPace } from '../../../renderer/editor/scroll-pace';

const SCREEN = 720;
const FRAME = 16.7;

describe('ScrollPace', () => {
  it('calls a screen per frame a fling, and the fling over once the steps stop', () => {
    const pace = new ScrollPace();
    expect(pace.record(0, 1000, SCREEN)).toBe(false);
    let at = 1000;
    for (let step = 1; step <= 10; step += 1) {
      at += FRAME;
      expect(pace.record(step * SCREEN, at, SCREEN)).toBe(true);
    }
    expect(pace.isFlinging(at + FLING_SETTLE_MS - 1)).toBe(true);
    expect(pace.settlesAt()).toBe(at + FLING_SETTLE_MS);
    expect(pace.isFlinging(at + FLING_SETTLE_MS)).toBe(false);
  });

  it('does not call reading-speed scrolling a fling (wheel notches, arrow keys, a page at a time)', () => {
    const pace = new ScrollPace();
    let at = 0;
    let top = 0;
    pace.record(top, at, SCREEN);
    // A wheel notch of 100 px every 50 ms (2,000 px/s) and a page every 250 ms.
    for (let i = 0; i < 20; i += 1) {
      at += 50;
      top += 100;
      expect(pace.record(top, at, SCREEN)).toBe(false);
    }
    for (let i = 0; i < 5; i += 1) {
      at += 250;
      top += SCREEN;
      expect(pace.record(top, at, SCREEN)).toBe(false);
    }
  });

  it('does not call a single jump a fling (going to a search match after a pause)', () => {
    const pace = new ScrollPace();
    pace.record(0, 1000, SCREEN);
    expect(pace.record(250_000, 4000, SCREEN)).toBe(false);
    // Jumps made one after another (Enter held on "next match") are a fling until they stop.
    expect(pace.record(260_000, 4033, SCREEN)).toBe(true);
    expect(pace.record(270_000, 4066, SCREEN)).toBe(true);
    expect(pace.isFlinging(4066 + FLING_SETTLE_MS)).toBe(false);
  });

  it('ends a fling only after its last fast step, in either direction', () => {
    const pace = new ScrollPace();
    pace.record(50_000, 0, SCREEN);
    pace.record(50_000 - SCREEN, FRAME, SCREEN);
    expect(pace.isFlinging(FRAME)).toBe(true);
    // A slow step inside the settling time does not end it early, nor extend it.
    pace.record(50_000 - SCREEN - 10, FRAME + 100, SCREEN);
    expect(pace.isFlinging(FRAME + 100)).toBe(true);
    expect(pace.settlesAt()).toBe(FRAME + FLING_SETTLE_MS);
  });

  it('ignores a pane without height (not laid out yet)', () => {
    const pace = new ScrollPace();
    pace.record(0, 0, 0);
    expect(pace.record(10_000, 1, 0)).toBe(false);
  });
});
