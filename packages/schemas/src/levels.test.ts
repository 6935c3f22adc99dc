import { describe, expect, it } from 'vitest';
import { levelProgress } from './levels';

describe('levelProgress (seed 000 thresholds)', () => {
  it.each([
    [0, 1, 0, 500, 0],
    [250, 1, 0, 500, 0.5],
    [499, 1, 0, 500, 499 / 500],
    [500, 2, 500, 1500, 0],
    [1500, 3, 1500, 3500, 0],
    [2500, 3, 1500, 3500, 0.5],
    [3500, 4, 3500, 7500, 0],
    [7500, 5, 7500, 15000, 0],
    [15000, 6, 15000, 27500, 0],
    [27500, 7, 27500, 45000, 0],
    [45000, 8, 45000, 70000, 0],
    [69999, 8, 45000, 70000, 24999 / 25000],
    [70000, 9, 70000, 100000, 0],
    [85000, 9, 70000, 100000, 0.5],
  ])('%i XP: level %i, from %i to %i, fraction %f', (xp, level, levelXp, nextLevelXp, fraction) => {
    expect(levelProgress(xp)).toEqual({ level, levelXp, nextLevelXp, fraction });
  });

  it('tops out at level 10 with a full bar', () => {
    expect(levelProgress(100000)).toEqual({ level: 10, levelXp: 100000, nextLevelXp: null, fraction: 1 });
    expect(levelProgress(250000)).toEqual({ level: 10, levelXp: 100000, nextLevelXp: null, fraction: 1 });
  });

  it('treats negative or fractional XP as whole points from zero', () => {
    expect(levelProgress(-20).level).toBe(1);
    expect(levelProgress(499.9).level).toBe(1);
  });
});
