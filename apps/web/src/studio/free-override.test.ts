import { describe, expect, it } from 'vitest';
import { accessLabel, freeChoiceOf, freeOverrideOf } from './free-override';

describe('free override', () => {
  it.each([
    [null, 'rule'],
    [true, 'free'],
    [false, 'locked'],
  ] as const)('%s is the choice %s and back', (override, choice) => {
    expect(freeChoiceOf(override)).toBe(choice);
    expect(freeOverrideOf(choice)).toBe(override);
  });

  it('labels how a viewer meets the episode', () => {
    expect(accessLabel({ free: true, freeOverride: null })).toBe('Free by the series rule');
    expect(accessLabel({ free: false, freeOverride: null })).toBe('Locked by the series rule');
    expect(accessLabel({ free: true, freeOverride: true })).toBe('Free always');
    expect(accessLabel({ free: false, freeOverride: false })).toBe('Locked always');
  });
});
