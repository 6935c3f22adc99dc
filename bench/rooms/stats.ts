import type { LatencySummary } from './plan';

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Sorts the samples in place (a Float64Array sorts numerically) and summarises them. */
export function summarise(samples: Float64Array): LatencySummary {
  samples.sort();
  return {
    count: samples.length,
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(percentile(samples, 95)),
    p99_ms: round(percentile(samples, 99)),
    max_ms: round(samples.length > 0 ? samples[samples.length - 1]! : Number.NaN),
  };
}

/** A growable list of float samples without boxing each number. */
export class Samples {
  private data = new Float64Array(1024);
  private length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  summary(): LatencySummary {
    return summarise(this.data.slice(0, this.length));
  }
}
