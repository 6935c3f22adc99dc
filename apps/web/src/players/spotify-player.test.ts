import { correctionModeOf } from '@wt/sync';
import { describe, expect, it, vi } from 'vitest';
import { isGestureRefusal, type PlayerEvent } from './player';
import { SPOTIFY_ERRORS, SpotifyPlayer, type SpotifySdkPlayer, type SpotifyState } from './spotify-player';

function setup() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const sdk = {
    addListener: vi.fn((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return true;
    }),
    resume: vi.fn(() => Promise.resolve()),
    pause: vi.fn(() => Promise.resolve()),
    seek: vi.fn(() => Promise.resolve()),
    disconnect: vi.fn(),
    activateElement: vi.fn(() => Promise.resolve()),
  } satisfies SpotifySdkPlayer;
  let now = 0;
  const player = new SpotifyPlayer(sdk, () => now);
  const events: PlayerEvent[] = [];
  player.onEvent((e) => events.push(e));
  const emit = (event: string, payload?: unknown) => listeners.get(event)!(payload);
  const state = (s: Partial<SpotifyState>) =>
    emit('player_state_changed', { position: 0, duration: 180_000, paused: true, ...s });
  return { sdk, player, events, emit, state, advance: (ms: number) => (now += ms) };
}

describe('SpotifyPlayer', () => {
  it('has no rate: the controller corrects it by seeks alone', () => {
    const { player } = setup();
    expect(player.capabilities.rateControl).toBe(false);
    expect(correctionModeOf(player.capabilities, 1)).toEqual({ kind: 'seek' });
  });

  it("follows the SDK's states, extrapolating the position while it plays", () => {
    const { player, state, advance, events } = setup();
    expect(player.getPosition()).toBe(0);
    state({ position: 30_000, paused: false });
    expect(player.getDuration()).toBe(180);
    advance(250);
    expect(player.getPosition()).toBeCloseTo(30.25, 6);
    state({ position: 30_300, paused: true });
    advance(1_000);
    expect(player.getPosition()).toBeCloseTo(30.3, 6);
    expect(events).toEqual(['durationchange', 'playing', 'pause']);
  });

  it('seeks in milliseconds and counts as seeking until Spotify reports back', () => {
    const { sdk, player, state } = setup();
    player.seek(61.2345);
    expect(sdk.seek).toHaveBeenCalledWith(61_235);
    expect(player.isSeeking()).toBe(true);
    state({ position: 61_235, paused: false });
    expect(player.isSeeking()).toBe(false);
  });

  it('unlocks and resumes on play; a blocked autoplay asks for a click', async () => {
    const { sdk, player, emit } = setup();
    sdk.resume.mockReturnValueOnce(new Promise(() => {}));
    const started = player.play();
    expect(sdk.activateElement).toHaveBeenCalled();
    emit('autoplay_failed');
    expect(isGestureRefusal(await started.catch((e: unknown) => e))).toBe(true);
  });

  it('says what is missing when Spotify refuses the account', async () => {
    const { player, emit, events } = setup();
    emit('account_error', { message: 'premium required' });
    expect(player.failure()).toBe(SPOTIFY_ERRORS.account_error);
    expect(events).toContain('error');
    await expect(player.play()).rejects.toThrow('Spotify Premium');
  });
});
