import { FRIEND_STATES } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { searchableQuery, searchActionFor, stateNote } from './search';

describe('searchableQuery', () => {
  it('sends nothing under 2 characters, trimmed', () => {
    expect(searchableQuery('')).toBeNull();
    expect(searchableQuery('  a ')).toBeNull();
    expect(searchableQuery(' ana ')).toBe('ana');
  });
  it('sends nothing too long for a name', () => {
    expect(searchableQuery('x'.repeat(51))).toBeNull();
  });
});

describe('searchActionFor and stateNote', () => {
  it.each([
    ['none', 'send', null],
    ['request_sent', 'cancel', 'Request sent'],
    ['request_received', 'accept', 'Sent you a request'],
    ['friends', null, 'Friends'],
    ['blocked', 'unblock', 'Blocked'],
    ['blocked_by', null, null],
  ] as const)('%s: button %s, note %s', (state, action, note) => {
    expect(searchActionFor(state)).toBe(action);
    expect(stateNote(state)).toBe(note);
  });
  it('covers every state', () => {
    for (const state of FRIEND_STATES) expect(() => searchActionFor(state)).not.toThrow();
  });
});
