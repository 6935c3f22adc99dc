import type { WatchView } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { paywallCardFor, UNLOCK_UNAVAILABLE_SENTENCE } from './paywall';

const EPISODE_ID = '0b7d2a5e-8c1f-4d3a-9e2b-1c4d5e6f7a8b';

function view(overrides: Partial<Pick<WatchView, 'paywall' | 'playback'>>): Pick<WatchView, 'paywall' | 'playback' | 'episode' | 'season'> {
  return {
    paywall: null,
    playback: { kind: 'hls', url: '/api/play/t/hls/master.m3u8', posterUrl: null, expiresAt: '2030-01-01T00:00:00.000Z' },
    episode: { id: EPISODE_ID, number: 4, title: 'The Key', description: '', durationMs: 60_000, thumbnailUrl: null, free: false, locked: true, progressMs: null },
    season: { id: '1b7d2a5e-8c1f-4d3a-9e2b-1c4d5e6f7a8b', number: 2, title: '', priceCents: 0 },
    ...overrides,
  };
}

describe('paywallCardFor', () => {
  it('plays when there is playback and no paywall', () => {
    expect(paywallCardFor(view({}))).toBeNull();
  });

  it('asks signed-out viewers to sign up, coming back to the episode after', () => {
    const card = paywallCardFor(view({ paywall: 'sign_up', playback: null }));
    expect(card).toMatchObject({
      kind: 'sign_up',
      title: 'Sign up to keep watching',
      signUpHref: `/sign-up?next=%2Fwatch%2F${EPISODE_ID}`,
      signInHref: `/sign-in?next=%2Fwatch%2F${EPISODE_ID}`,
    });
  });

  it('offers the season unlock, disabled with a sentence, to signed-in viewers', () => {
    const card = paywallCardFor(view({ paywall: 'unlock', playback: null }));
    expect(card).toEqual({
      kind: 'unlock',
      title: 'Episode 4 is locked',
      body: 'Unlock season 2 to keep watching.',
      buttonLabel: 'Unlock season 2',
      disabled: true,
      reason: UNLOCK_UNAVAILABLE_SENTENCE,
    });
    expect(UNLOCK_UNAVAILABLE_SENTENCE).toBe('Season unlocks open soon: payments are not available yet.');
  });

  it('says so when an unlocked episode cannot play yet', () => {
    expect(paywallCardFor(view({ playback: null }))?.kind).toBe('not_ready');
  });
});
