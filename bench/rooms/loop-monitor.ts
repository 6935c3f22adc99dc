import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { LoopWindow } from './plan';

/*
 * Inside a bench server: its event-loop delay and garbage-collection pauses over each measured window,
 * so that a slow phase shows whether the server stalled (and whether GC did it) or the machine did.
 * Driven over IPC by processes.ts: `loop-start` opens a window, `loop-end` answers with `loop`.
 */
export function monitorLoopWindows(send: (message: { type: 'loop'; window: LoopWindow }) => void): void {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let gcMs = 0;
  let gcMaxMs = 0;
  let gcCount = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      gcCount += 1;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const round = (ms: number) => Math.round(ms * 100) / 100;

  process.on('message', (message: { type: string }) => {
    if (message.type === 'loop-start') {
      delay.reset();
      delay.enable();
      gcMs = gcMaxMs = gcCount = 0;
    } else if (message.type === 'loop-end') {
      delay.disable();
      send({
        type: 'loop',
        window: {
          delay_p99_ms: round(delay.percentile(99) / 1e6),
          delay_max_ms: round(delay.max / 1e6),
          gc_ms: round(gcMs),
          gc_max_ms: round(gcMaxMs),
          gc_count: gcCount,
        },
      });
    }
  });
}
