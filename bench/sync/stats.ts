/** Nearest-rank percentile (p in 0..100) of the values; NaN when there are none. */
export function percentile(values: readonly number[] | Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** A growable list of samples without boxing each number. */
export class Samples {
  private data = new Float64Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.slice(0, this.length);
  }

  percentile(p: number): number {
    return round2(percentile(this.values(), p));
  }

  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.length; i++) sum += this.data[i]!;
    return this.length === 0 ? Number.NaN : round2(sum / this.length);
  }
}
