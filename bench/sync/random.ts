/** A seeded generator of numbers in [0, 1): the simulation's only source of randomness. */
export type Random = () => number;

/** splitmix32 step: spreads nearby seeds far apart, so stream 1 and stream 2 share nothing visible. */
function mix(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * mulberry32 seeded from the run's seed and a stream path (client index, purpose, ...). Each client
 * and purpose draws from its own stream, so tuning one part of the system does not reshuffle the
 * network jitter or the player behaviour another part sees.
 */
export function seededRandom(seed: number, ...stream: number[]): Random {
  let state = mix(seed);
  for (const part of stream) state = mix(state ^ mix(part));
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Exponentially distributed waiting time with the given mean (for Poisson arrivals). */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}
