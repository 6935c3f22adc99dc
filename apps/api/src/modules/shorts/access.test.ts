import { describe, expect, it } from 'vitest';
import { episodeAccess, isFreeEpisode, reorderRefusal } from './access';
import { playbackKey, signPlaybackToken, verifyPlaybackToken } from './playback-token';

describe('episodeAccess', () => {
  const base = { free: false, signedIn: false, hasSeasonAccess: false, isOwner: false, isAdmin: false };
  it('plays free episodes for anyone', () => {
    expect(episodeAccess({ ...base, free: true })).toBe('play');
  });
  it('asks a signed-out viewer to sign up and a signed-in one to unlock', () => {
    expect(episodeAccess(base)).toBe('sign_up');
    expect(episodeAccess({ ...base, signedIn: true })).toBe('unlock');
  });
  it('plays locked episodes for season holders, the creator and admins', () => {
    for (const key of ['hasSeasonAccess', 'isOwner', 'isAdmin'] as const) {
      expect(episodeAccess({ ...base, signedIn: true, [key]: true })).toBe('play');
    }
  });
});

describe('isFreeEpisode', () => {
  it('frees the first N by position unless the creator overrides', () => {
    expect([1, 2, 3, 4].map((p) => isFreeEpisode(null, p, 3))).toEqual([true, true, true, false]);
    expect(isFreeEpisode(true, 9, 3)).toBe(true);
    expect(isFreeEpisode(false, 1, 3)).toBe(false);
    expect(isFreeEpisode(null, 1, 0)).toBe(false);
  });
});

describe('reorderRefusal', () => {
  it('wants every episode exactly once', () => {
    expect(reorderRefusal(['a', 'b'], ['b', 'a'])).toBeNull();
    expect(reorderRefusal(['a', 'b'], ['a'])).toMatch(/every episode/);
    expect(reorderRefusal(['a', 'b'], ['a', 'a'])).toMatch(/once/);
    expect(reorderRefusal(['a', 'b'], ['a', 'c'])).toMatch(/every episode/);
  });
});

describe('playback tokens', () => {
  const key = playbackKey(new TextEncoder().encode('x'.repeat(32)));
  const assetId = '2fddcba6-c8f0-4189-ada1-0eb1222d6dea';
  const now = Date.parse('2026-11-30T10:00:00Z');
  const token = signPlaybackToken(key, { assetId, expiresAt: now / 1000 + 60 });

  it('verifies what it signed until it expires', () => {
    expect(verifyPlaybackToken(key, token, now)).toEqual({ ok: true, claims: { assetId, expiresAt: now / 1000 + 60 } });
    expect(verifyPlaybackToken(key, token, now + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key, a changed payload and garbage', () => {
    const other = playbackKey(new TextEncoder().encode('y'.repeat(32)));
    expect(verifyPlaybackToken(other, token, now)).toEqual({ ok: false, reason: 'invalid' });
    const [, mac] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ a: assetId, e: now / 1000 + 99999 })).toString('base64url');
    expect(verifyPlaybackToken(key, `${changed}.${mac}`, now)).toEqual({ ok: false, reason: 'invalid' });
    for (const bad of ['', 'abc', 'a.b.c', `${token}x`]) expect(verifyPlaybackToken(key, bad, now).ok).toBe(false);
  });
});
