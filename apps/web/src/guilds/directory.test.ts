import { describe, expect, it } from 'vitest';
import {
  directoryQuery,
  emptyDirectoryMessage,
  guildsHref,
  isGuildFull,
  membersText,
  visibilityText,
} from './directory';

describe('directoryQuery', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['  owls ', 'owls'],
    ['x'.repeat(40), 'x'.repeat(32)],
  ])('reads %s', (raw, query) => {
    expect(directoryQuery(raw)).toBe(query);
  });
});

describe('guildsHref', () => {
  it('keeps the search in the address, and drops an empty one', () => {
    expect(guildsHref('')).toBe('/guilds');
    expect(guildsHref('   ')).toBe('/guilds');
    expect(guildsHref('Night & Day')).toBe('/guilds?q=Night+%26+Day');
    expect(new URL(guildsHref('Night & Day'), 'http://x').searchParams.get('q')).toBe('Night & Day');
  });
});

describe('cards', () => {
  it('counts members against the cap', () => {
    expect(membersText({ memberCount: 3, maxMembers: 10 })).toBe('3/10 members');
    expect(isGuildFull({ memberCount: 9, maxMembers: 10 })).toBe(false);
    expect(isGuildFull({ memberCount: 10, maxMembers: 10 })).toBe(true);
  });

  it('names visibility and an empty result', () => {
    expect(visibilityText(true)).toBe('Public');
    expect(visibilityText(false)).toBe('Private');
    expect(emptyDirectoryMessage('owls')).toMatch(/^No guild matches “owls”/);
    expect(emptyDirectoryMessage('')).toMatch(/^There are no guilds yet/);
  });
});
