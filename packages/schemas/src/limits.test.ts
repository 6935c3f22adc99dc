import { describe, expect, it } from 'vitest';
import { LIMITS, USERNAME_PATTERN } from './limits';

describe('seed limits', () => {
  it.each([
    ['demo', true],
    ['Demo_User_42', true],
    ['with space', false],
    ['dash-name', false],
    ['émile', false],
  ])('username pattern %s -> %s', (name, ok) => {
    expect(USERNAME_PATTERN.test(name)).toBe(ok);
  });

  it('keeps the seed room size range', () => {
    expect([LIMITS.roomMembersMin, LIMITS.roomMembersMax, LIMITS.roomMembersDefault]).toEqual([2, 50, 10]);
  });
});
