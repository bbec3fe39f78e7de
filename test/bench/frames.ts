/**
 * Watches the UI thread while a benchmark runs: long animation frames (or long tasks) as the
 * browser reports them, and gaps between animation frames. A gap over 100 ms is a UI the
 * user would feel stall.
 */

/** Starts watching; the returned function stops and gives the longest frame and the count over 100 ms. */
export function watchFrames(): () => { longest: number; over100: number } {
  let longest = 0;
  let over100 = 0;
  const watchedFrom = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // A frame that began before watching (the bench's own setup, such as a forced
      // collection) is reported too once it ends: it is not the measured work's.
      if (entry.startTime < watchedFrom) continue;
      longest = Math.max(longest, entry.duration);
      if (entry.duration > 100) {
        over100 += 1;
        const scripts = (entry as unknown as { scripts?: Array<{ invoker: string; sourceFunctionName: string; duration: number }> }).scripts ?? [];
        (window as unknown as { __long: unknown[] }).__long ??= [];
        (window as unknown as { __long: unknown[] }).__long.push({ d: Math.round(entry.duration), s: scripts.map((x) => `${x.invoker}|${x.sourceFunctionName}|${Math.round(x.duration)}`) });
      }
    }
  });
  const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
  observer.observe({ type, buffered: false });
  let last = performance.now();
  let running = true;
  const tick = (now: number): void => {
    const gap = now - last;
    last = now;
    if (gap > longest) longest = gap;
    if (gap > 100) over100 += 1;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    observer.disconnect();
    return { longest, over100 };
  };
}
