import { describe, expect, it } from 'vitest';
import { ProgressThrottle, resumeAtSeconds } from './progress';

describe('ProgressThrottle', () => {
  it('saves at most every 10 s while playing', () => {
    const throttle = new ProgressThrottle(10_000);
    expect(throttle.take('tick', 500, 60_000, 0)).toBeNull(); // nothing watched yet
    expect(throttle.take('tick', 1_500, 60_000, 1_000)).toEqual({ positionMs: 1_500, completed: false });
    expect(throttle.take('tick', 5_000, 60_000, 5_000)).toBeNull();
    expect(throttle.take('tick', 10_900, 60_000, 10_999)).toBeNull();
    expect(throttle.take('tick', 11_000, 60_000, 11_000)).toEqual({ positionMs: 11_000, completed: false });
  });

  it('saves at once on pause and leave, but not the same position twice', () => {
    const throttle = new ProgressThrottle(10_000);
    expect(throttle.take('tick', 4_000, 60_000, 0)).not.toBeNull();
    expect(throttle.take('pause', 6_000, 60_000, 500)).toEqual({ positionMs: 6_000, completed: false });
    expect(throttle.take('leave', 6_400, 60_000, 900)).toBeNull();
    expect(throttle.take('leave', 9_000, 60_000, 1_000)).toEqual({ positionMs: 9_000, completed: false });
  });

  it('marks the end as completed', () => {
    const throttle = new ProgressThrottle(10_000);
    expect(throttle.take('ended', 59_900, 60_000, 0)).toEqual({ positionMs: 59_900, completed: true });
    expect(new ProgressThrottle().take('leave', 58_500, 60_000, 0)).toEqual({ positionMs: 58_500, completed: true });
  });

  it('does not save opening an episode and leaving at once', () => {
    expect(new ProgressThrottle().take('leave', 200, 60_000, 0)).toBeNull();
  });
});

describe('resumeAtSeconds', () => {
  it.each([
    [null, 60_000, null],
    [500, 60_000, null],
    [12_500, 60_000, 12.5],
    [12_500, null, 12.5],
    [58_500, 60_000, null], // finished: start over
  ])('%s of %s -> %s', (progress, duration, expected) => {
    expect(resumeAtSeconds(progress, duration)).toBe(expected);
  });
});
