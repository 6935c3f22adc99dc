/**
 * Discrete-event simulated time: callbacks run in order of their simulated time (ms), ties in the
 * order they were scheduled, so a run depends on its seed alone and takes no real time.
 */
interface Entry {
  atMs: number;
  order: number;
  run: () => void;
}

export class EventQueue {
  nowMs = 0;
  private heap: Entry[] = [];
  private order = 0;
  private cancelled = new Set<number>();

  /** Runs `run` at simulated time `atMs` (now, if in the past); returns an id for `cancel`. */
  at(atMs: number, run: () => void): number {
    const entry = { atMs: Math.max(atMs, this.nowMs), order: this.order++, run };
    this.heap.push(entry);
    this.up(this.heap.length - 1);
    return entry.order;
  }

  after(delayMs: number, run: () => void): number {
    return this.at(this.nowMs + delayMs, run);
  }

  cancel(id: number): void {
    this.cancelled.add(id);
  }

  /** Runs every event up to and including `untilMs`. */
  runUntil(untilMs: number): void {
    while (this.heap.length > 0 && this.heap[0]!.atMs <= untilMs) {
      const entry = this.pop();
      if (this.cancelled.delete(entry.order)) continue;
      this.nowMs = entry.atMs;
      entry.run();
    }
    this.nowMs = untilMs;
  }

  private less(a: Entry, b: Entry): boolean {
    return a.atMs < b.atMs || (a.atMs === b.atMs && a.order < b.order);
  }

  private up(index: number): void {
    const { heap } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.less(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private pop(): Entry {
    const { heap } = this;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && this.less(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && this.less(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
        index = smallest;
      }
    }
    return top;
  }
}
