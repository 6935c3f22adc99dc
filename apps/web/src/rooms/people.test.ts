import { describe, expect, it } from 'vitest';
import { filterPeople, personInitial, personName } from './people';

const sam = { username: 'sam_k', displayName: 'Samantha' };
const lee = { username: 'lee', displayName: null };

describe('personName', () => {
  it('prefers the display name', () => {
    expect(personName(sam)).toBe('Samantha');
    expect(personName(lee)).toBe('lee');
    expect(personName({ username: 'x1', displayName: '  ' })).toBe('x1');
  });

  it('initial is the first letter, upper case', () => {
    expect(personInitial(lee)).toBe('L');
  });
});

describe('filterPeople', () => {
  it('matches username or display name, case-insensitive', () => {
    expect(filterPeople([sam, lee], 'SAMA')).toEqual([sam]);
    expect(filterPeople([sam, lee], 'le')).toEqual([lee]);
    expect(filterPeople([sam, lee], 'nobody')).toEqual([]);
  });

  it('keeps everyone for an empty query', () => {
    expect(filterPeople([sam, lee], ' ')).toEqual([sam, lee]);
  });
});
