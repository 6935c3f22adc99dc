import {
  GestureRequiredError,
  PlayerEvents,
  type AdapterCapabilities,
  type PlayerAdapter,
  type PlayerEvent,
} from './player';

/**
 * Spotify through the Web Playback SDK (https://sdk.scdn.co/spotify-player.js). The SDK plays only
 * for a listener with Spotify Premium, with an OAuth token carrying the `streaming` scope, and it has
 * no playback rate: drift is corrected by seeks alone (the controller's seek-only mode). The token
 * comes from the viewer's Spotify connection (GET /api/spotify/token, see `spotify-sdk.ts`); without
 * one the room shows a card saying what is needed. The SDK's position arrives with each state change,
 * and is extrapolated between them.
 */

export const SPOTIFY_CAPABILITIES: AdapterCapabilities = {
  rateControl: false,
  seekPrecisionMs: 100,
  minRate: 1,
  maxRate: 1,
  needsGesture: true,
};

/** The part of the SDK's `Spotify.Player` the adapter uses. */
export interface SpotifySdkPlayer {
  addListener(event: string, listener: (payload: unknown) => void): boolean;
  resume(): Promise<void>;
  pause(): Promise<void>;
  seek(positionMs: number): Promise<void>;
  disconnect(): void;
  /** Unlocks playback inside a click (the SDK's answer to the autoplay rule). */
  activateElement?(): Promise<void>;
}

/** What `player_state_changed` carries, as far as the adapter reads it. */
export interface SpotifyState {
  position: number;
  duration: number;
  paused: boolean;
  loading?: boolean;
}

export const SPOTIFY_ERRORS: Record<string, string> = {
  initialization_error: 'This browser cannot play Spotify here. Try a recent Chrome, Edge or Firefox.',
  authentication_error: 'Spotify did not accept your sign-in. Connect your Spotify account again.',
  account_error: 'Spotify plays inside the room only for Spotify Premium accounts.',
  playback_error: 'Spotify could not play this item. Open it on Spotify instead.',
};

/** A seek counts as in progress until Spotify reports a state, at most this long, ms. */
const SEEK_SETTLE_MS = 1_000;

export class SpotifyPlayer implements PlayerAdapter {
  readonly capabilities = SPOTIFY_CAPABILITIES;
  private readonly events = new PlayerEvents();
  private state: SpotifyState | null = null;
  private receivedAtMs = 0;
  private seekingUntilMs = -Infinity;
  private failed: string | null = null;
  private pendingPlay: { reject: (e: Error) => void } | null = null;

  constructor(
    private readonly sdk: SpotifySdkPlayer,
    private readonly now: () => number = () => performance.now(),
  ) {
    sdk.addListener('player_state_changed', (payload) => this.handleState(payload as SpotifyState | null));
    sdk.addListener('autoplay_failed', () => {
      this.pendingPlay?.reject(new GestureRequiredError());
      this.pendingPlay = null;
    });
    for (const event of Object.keys(SPOTIFY_ERRORS)) {
      sdk.addListener(event, () => {
        this.failed = SPOTIFY_ERRORS[event]!;
        this.events.emit('error');
      });
    }
  }

  private handleState(state: SpotifyState | null): void {
    const wasPaused = this.state?.paused ?? true;
    const hadDuration = this.state?.duration;
    this.state = state;
    this.receivedAtMs = this.now();
    this.seekingUntilMs = -Infinity;
    if (!state) return;
    if (state.duration !== hadDuration) this.events.emit('durationchange');
    if (state.loading) this.events.emit('waiting');
    else if (wasPaused !== state.paused) this.events.emit(state.paused ? 'pause' : 'playing');
    if (!state.paused) this.pendingPlay = null;
  }

  getPosition(): number {
    if (!this.state) return 0;
    const movingMs = this.isPlaying() && !this.state.loading ? this.now() - this.receivedAtMs : 0;
    return (this.state.position + movingMs) / 1000;
  }

  isPlaying(): boolean {
    return this.state !== null && !this.state.paused;
  }

  isSeeking(): boolean {
    return this.now() < this.seekingUntilMs;
  }

  isBuffering(): boolean {
    return this.isPlaying() && Boolean(this.state?.loading);
  }

  hasEnded(): boolean {
    return this.state !== null && this.state.paused && this.state.position >= this.state.duration - 500;
  }

  getDuration(): number | null {
    return this.state && this.state.duration > 0 ? this.state.duration / 1000 : null;
  }

  play(): Promise<void> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    void this.sdk.activateElement?.();
    return new Promise((resolve, reject) => {
      this.pendingPlay = { reject };
      this.sdk.resume().then(resolve, reject);
    });
  }

  pause(): void {
    void this.sdk.pause();
  }

  seek(toSec: number): void {
    this.seekingUntilMs = this.now() + SEEK_SETTLE_MS;
    void this.sdk.seek(Math.max(0, Math.round(toSec * 1000)));
  }

  setRate(): void {
    // Spotify plays at one speed; the controller never asks (rateControl is false).
  }

  onEvent(listener: (event: PlayerEvent) => void): () => void {
    return this.events.on(listener);
  }

  failure(): string | null {
    return this.failed;
  }

  destroy(): void {
    this.events.clear();
    this.sdk.disconnect();
  }
}
