import type { PlayerCapabilities } from '@wt/sync';

/**
 * One interface over every player the room can drive (HTML5 video, YouTube, Spotify): the sync client
 * reads the player and acts on it through this alone, and the controller of `@wt/sync` adapts its
 * correction to what each player declares it can do.
 */

export interface AdapterCapabilities extends PlayerCapabilities {
  /** The browser may refuse to start it without a click on the page (the autoplay rule). */
  needsGesture: boolean;
}

/** What a player tells: a stall and its end, the end of the media, its length known or changed. */
export type PlayerEvent =
  'waiting' | 'playing' | 'pause' | 'seeked' | 'ended' | 'durationchange' | 'ratechange' | 'ready' | 'error';

export interface PlayerAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Media time now, in seconds. */
  getPosition(): number;
  /** Not paused (it may still be buffering or seeking). */
  isPlaying(): boolean;
  isSeeking(): boolean;
  /** Wants to play but is waiting for data. */
  isBuffering(): boolean;
  hasEnded(): boolean;
  /** Length of the media in seconds, or null while unknown. */
  getDuration(): number | null;
  /**
   * Starts playing. Rejects with a `GestureRequiredError` (or the browser's NotAllowedError) when the
   * browser wants a click first. Must reach the underlying player synchronously, so that a call made
   * inside a click handler counts as that click's gesture.
   */
  play(): Promise<void>;
  pause(): void;
  seek(toSec: number): void;
  setRate(rate: number): void;
  onEvent(listener: (event: PlayerEvent) => void): () => void;
  /** Why the player cannot work (it failed to load), as a sentence; null while it works. */
  failure(): string | null;
  destroy(): void;
}

/** The browser refused to start playback without a user gesture. */
export class GestureRequiredError extends Error {
  override readonly name = 'NotAllowedError';
  constructor() {
    super('The browser wants a click before it plays.');
  }
}

/** Whether a failed play() was the autoplay rule (as opposed to a broken source). */
export function isGestureRefusal(error: unknown): boolean {
  return (
    error instanceof GestureRequiredError ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NotAllowedError')
  );
}

/** A set of listeners, for adapters to implement `onEvent` with. */
export class PlayerEvents {
  private readonly listeners = new Set<(event: PlayerEvent) => void>();

  on(listener: (event: PlayerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PlayerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  clear(): void {
    this.listeners.clear();
  }
}
