import type { PublicProfile } from '@wt/schemas';
import { describe, expect, it, vi } from 'vitest';
import { fetchPublicProfile } from './fetch-profile';
import { formatHours, formatJoined, initialsOf, nameOf, profileDescription } from './format';
import { originFrom, profileMetadata } from './metadata';
import { sameSettings } from './settings-options';
import { showcaseToggle } from './showcase';

const profile: PublicProfile = {
  username: 'maya',
  displayName: 'Maya Chen',
  avatarUrl: '/api/media/demo/maya.svg',
  bio: 'I make one-minute dramas.',
  level: 4,
  xp: 4200,
  badges: [],
  stats: null,
  guild: null,
  joinedAt: '2026-03-02T10:00:00.000Z',
  friendCount: null,
};

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('profileMetadata', () => {
  it('gives title, description, Open Graph profile with the absolute avatar, and a Twitter card', () => {
    const meta = profileMetadata(profile, 'https://watch.example');
    expect(meta.title).toBe('Maya Chen (@maya)');
    expect(meta.description).toBe('I make one-minute dramas.');
    expect(meta.openGraph).toMatchObject({
      type: 'profile',
      title: 'Maya Chen (@maya)',
      description: 'I make one-minute dramas.',
      username: 'maya',
      images: [{ url: 'https://watch.example/api/media/demo/maya.svg', width: 256, height: 256 }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary', title: 'Maya Chen (@maya)', images: ['https://watch.example/api/media/demo/maya.svg'] });
  });

  it('keeps an absolute avatar URL (S3) and leaves the image out without an avatar', () => {
    const s3 = profileMetadata({ ...profile, avatarUrl: 'https://media.example.com/avatars/a/b.webp' }, 'https://watch.example');
    expect(s3.twitter).toMatchObject({ images: ['https://media.example.com/avatars/a/b.webp'] });
    const none = profileMetadata({ ...profile, avatarUrl: null, bio: null, displayName: null }, 'https://watch.example');
    expect(none.openGraph).not.toHaveProperty('images');
    expect(none.title).toBe('maya (@maya)');
    expect(none.description).toBe('maya (@maya) is level 4 on WatchTogether.');
  });
});

describe('originFrom', () => {
  it.each([
    [{ host: 'localhost:3000' }, 'http://localhost:3000'],
    [{ host: 'watch.example' }, 'https://watch.example'],
    [{ host: 'internal:3000', 'x-forwarded-host': 'watch.example', 'x-forwarded-proto': 'https' }, 'https://watch.example'],
    [{ host: 'evil.example/path?x' }, 'http://localhost:3000'],
    [{ host: '127.0.0.1:3100', 'x-forwarded-proto': 'javascript' }, 'http://127.0.0.1:3100'],
  ])('%j gives %s', (values, origin) => {
    expect(originFrom(headers(values))).toBe(origin);
  });
});

describe('format', () => {
  it.each([
    [0, '0 hours'],
    [1, '1 hour'],
    [12.5, '12.5 hours'],
    [1234.56, '1,234.6 hours'],
  ])('%f hours read "%s"', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it('names, initials, join dates and descriptions', () => {
    expect(nameOf({ username: 'kai', displayName: '  ' })).toBe('kai');
    expect(initialsOf('Maya Chen')).toBe('MC');
    expect(initialsOf('night_owl')).toBe('NO');
    expect(initialsOf('kai')).toBe('KA');
    expect(formatJoined('2026-03-31T23:30:00.000Z')).toBe('March 2026');
    expect(profileDescription(profile)).toBe('I make one-minute dramas.');
  });
});

describe('fetchPublicProfile', () => {
  const ok = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('asks the API for the signed-out view and checks the answer against the shared schema', async () => {
    const fetchFn = vi.fn(async () => ok(profile));
    expect(await fetchPublicProfile(fetchFn, 'http://127.0.0.1:4000', 'maya')).toEqual({ kind: 'found', profile });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:4000/api/users/maya/profile');
    expect(new Headers(init.headers).get('authorization')).toBeNull();
  });

  it('tells not found from unavailable', async () => {
    expect(await fetchPublicProfile(async () => ok({ error: {} }, 404), 'http://api', 'ghost')).toEqual({ kind: 'not-found' });
    expect(await fetchPublicProfile(async () => ok({ error: {} }, 502), 'http://api', 'maya')).toEqual({ kind: 'unavailable' });
    expect(await fetchPublicProfile(async () => ok({ username: 'maya' }), 'http://api', 'maya')).toEqual({ kind: 'unavailable' });
    expect(await fetchPublicProfile(async () => Promise.reject(new Error('down')), 'http://api', 'maya')).toEqual({ kind: 'unavailable' });
  });

  it('never asks the API about something that cannot be a username', async () => {
    const fetchFn = vi.fn(async () => ok(profile));
    expect(await fetchPublicProfile(fetchFn, 'http://api', '../../admin')).toEqual({ kind: 'not-found' });
    expect(await fetchPublicProfile(fetchFn, 'http://api', 'a'.repeat(21))).toEqual({ kind: 'not-found' });
    expect(fetchFn).not.toHaveBeenCalled();
  });
});

describe('showcaseToggle', () => {
  it('adds, removes, and stops at five', () => {
    expect(showcaseToggle([], 'a')).toEqual(['a']);
    expect(showcaseToggle(['a', 'b'], 'a')).toEqual(['b']);
    expect(showcaseToggle(['a', 'b', 'c', 'd', 'e'], 'f')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('sameSettings', () => {
  it('compares the values of two settings parts', () => {
    expect(sameSettings({ visibility: 'friends', micEnabled: true }, { visibility: 'friends', micEnabled: true })).toBe(true);
    expect(sameSettings({ visibility: 'friends', micEnabled: true }, { visibility: 'public', micEnabled: true })).toBe(false);
  });
});
