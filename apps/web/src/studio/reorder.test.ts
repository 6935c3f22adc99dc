import { describe, expect, it } from 'vitest';
import { canMove, moveItem } from './reorder';

const ids = ['a', 'b', 'c'];

describe('moveItem', () => {
  it.each([
    ['b', 'up', ['b', 'a', 'c']],
    ['b', 'down', ['a', 'c', 'b']],
    ['a', 'down', ['b', 'a', 'c']],
    ['c', 'up', ['a', 'c', 'b']],
  ] as const)('moves %s %s', (id, direction, expected) =>
    expect(moveItem(ids, id, direction)).toEqual(expected),
  );

  it.each([
    ['a', 'up'],
    ['c', 'down'],
    ['z', 'up'],
  ] as const)('moving %s %s goes nowhere', (id, direction) =>
    expect(moveItem(ids, id, direction)).toBeNull(),
  );

  it('leaves the input list alone', () => {
    const before = [...ids];
    moveItem(ids, 'b', 'up');
    expect(ids).toEqual(before);
  });
});

describe('canMove', () => {
  it.each([
    [0, 3, 'up', false],
    [0, 3, 'down', true],
    [2, 3, 'down', false],
    [1, 3, 'up', true],
    [0, 1, 'down', false],
  ] as const)('index %i of %i %s -> %s', (index, length, direction, expected) =>
    expect(canMove(index, length, direction)).toBe(expected),
  );
});
