import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../env';
import { configuredProviders, profileFromClaims, usernameBase } from './providers';

describe('configuredProviders', () => {
  it('shows a provider only when both its id and secret are set', () => {
    expect(configuredProviders(parseEnv({})).map((p) => p.id)).toEqual([]);
    expect(configuredProviders(parseEnv({ GOOGLE_CLIENT_ID: 'x' })).map((p) => p.id)).toEqual([]);
    const env = parseEnv({
      GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's',
      DISCORD_CLIENT_ID: 'd', DISCORD_CLIENT_SECRET: 's',
      APPLE_CLIENT_ID: 'a', APPLE_CLIENT_SECRET: 's',
    });
    expect(configuredProviders(env).map((p) => p.id)).toEqual(['google', 'discord', 'apple']);
  });

  it('lets a test point a provider at a local server', () => {
    const [google] = configuredProviders(
      parseEnv({ GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's', GOOGLE_ISSUER: 'http://127.0.0.1:9999' }),
    );
    expect(google?.protocol).toEqual({ kind: 'oidc', issuer: 'http://127.0.0.1:9999' });
  });
});

describe('profileFromClaims', () => {
  it.each([
    [
      'google',
      { sub: '123', email: 'Ann@Example.com', email_verified: true, name: 'Ann Lee', picture: 'https://p/x.png' },
      { accountId: '123', email: 'ann@example.com', emailVerified: true, name: 'Ann Lee', avatarUrl: 'https://p/x.png' },
    ],
    ['apple', { sub: 'a.1', email: 'x@privaterelay.appleid.com', email_verified: 'true' }, { accountId: 'a.1', emailVerified: true, name: null }],
    [
      'discord',
      { id: '42', username: 'neo', global_name: 'Neo', email: 'neo@example.com', verified: false, avatar: 'abc' },
      { accountId: '42', emailVerified: false, name: 'Neo', avatarUrl: 'https://cdn.discordapp.com/avatars/42/abc.png' },
    ],
  ] as const)('%s claims', (provider, claims, expected) => {
    expect(profileFromClaims(provider, claims)).toMatchObject(expected);
  });

  it('refuses claims without a subject', () => {
    expect(profileFromClaims('google', { email: 'a@b.c' })).toBeNull();
    expect(profileFromClaims('discord', { username: 'x' })).toBeNull();
  });
});

describe('usernameBase', () => {
  it.each([
    [{ name: 'Zoë Smith-Jones', email: null }, 'Zoe_Smith_Jones'],
    [{ name: null, email: 'x.y+z@example.com' }, 'x_y_z'],
    [{ name: '李', email: null }, 'user'],
    [{ name: 'ab', email: null }, 'user_ab'],
    [{ name: 'A very long display name indeed', email: null }, 'A_very_long_disp'],
  ])('%o -> %s', (profile, expected) => {
    const base = usernameBase(profile);
    expect(base).toBe(expected);
    expect(base).toMatch(/^[a-zA-Z0-9_]{3,16}$/);
  });
});
