import { describe, expect, it } from 'vitest';
import { emptyLobbyMessage, isFull, lobbyTabFrom, nowPlaying, seatsLabel, shortAddress } from './lobby';

describe('lobbyTabFrom', () => {
  it('reads a known tab and falls back to all', () => {
    expect(lobbyTabFrom('friends')).toBe('friends');
    expect(lobbyTabFrom('mine')).toBe('mine');
    expect(lobbyTabFrom('everything')).toBe('all');
    expect(lobbyTabFrom(undefined)).toBe('all');
    expect(lobbyTabFrom(null)).toBe('all');
  });
});

describe('seats', () => {
  it('counts who is watching', () => {
    expect(seatsLabel({ memberCount: 3, maxMembers: 10 })).toBe('3 of 10 watching');
    expect(isFull({ memberCount: 3, maxMembers: 10 })).toBe(false);
  });

  it('says when a room is full', () => {
    expect(seatsLabel({ memberCount: 10, maxMembers: 10 })).toBe('Full · 10 of 10');
    expect(isFull({ memberCount: 10, maxMembers: 10 })).toBe(true);
  });
});

describe('nowPlaying', () => {
  it('names the platform and a short address', () => {
    expect(
      nowPlaying({
        platform: 'youtube',
        url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
        mediaId: 'aqz-KE-bpKQ',
      }),
    ).toEqual({ platform: 'YouTube', detail: 'youtube.com/watch?v=aqz-KE-bpKQ' });
    expect(nowPlaying({ platform: 'upload', url: '/media/abc.mp4', mediaId: 'abc' })).toEqual({
      platform: 'Upload',
      detail: '/media/abc.mp4',
    });
  });

  it('is null when nothing plays', () => {
    expect(nowPlaying(null)).toBeNull();
  });

  it('cuts long addresses', () => {
    const text = shortAddress(`https://example.com/${'a'.repeat(100)}`, 20);
    expect(text).toHaveLength(20);
    expect(text.endsWith('…')).toBe(true);
    expect(shortAddress('https://example.com/')).toBe('example.com');
  });
});

describe('emptyLobbyMessage', () => {
  it('has a sentence per tab', () => {
    expect(emptyLobbyMessage('mine')).toMatch(/not hosting/);
    expect(emptyLobbyMessage('public')).toMatch(/public/);
  });
});
