import type { PlayerCapabilities } from '@wt/sync';
import type { EventQueue } from './event-queue';
import { uniform, type Random } from './random';

export type PlayerKind = 'html5' | 'youtube' | 'spotify';

/** How a kind of player behaves: what it declares, and what it really does when asked. */
export interface PlayerModel {
  caps: PlayerCapabilities;
  /** From play() to frames advancing, ms. */
  startLatencyMs: readonly [number, number];
  /** From seek() to playing again at the new time, ms. */
  seekLatencyMs: readonly [number, number];
  /** A seek lands within this much of the requested time, either way, ms. */
  seekErrorMs: number;
  /** From setting a rate to the media clock running at it, ms. */
  rateDelayMs: readonly [number, number];
  /** Reading the current time is off by up to this much either way, ms. */
  readNoiseMs: number;
  /** Natural error of the media clock against real time: uniform in ±this, parts per million. */
  clockErrorPpm: number;
}

const YOUTUBE_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

export const PLAYER_MODELS: Record<PlayerKind, PlayerModel> = {
  html5: {
    caps: { rateControl: true, seekPrecisionMs: 20, minRate: 0.0625, maxRate: 16 },
    startLatencyMs: [10, 50],
    seekLatencyMs: [50, 200],
    seekErrorMs: 20,
    rateDelayMs: [20, 80],
    readNoiseMs: 2,
    clockErrorPpm: 300,
  },
  youtube: {
    caps: { rateControl: true, seekPrecisionMs: 40, minRate: 0.25, maxRate: 2, allowedRates: YOUTUBE_RATES },
    startLatencyMs: [30, 120],
    seekLatencyMs: [100, 350],
    seekErrorMs: 40,
    rateDelayMs: [50, 150],
    readNoiseMs: 8,
    clockErrorPpm: 300,
  },
  spotify: {
    caps: { rateControl: false, seekPrecisionMs: 40, minRate: 1, maxRate: 1 },
    startLatencyMs: [50, 200],
    seekLatencyMs: [150, 400],
    seekErrorMs: 40,
    rateDelayMs: [0, 0],
    readNoiseMs: 8,
    clockErrorPpm: 300,
  },
};

export type PlayerEvent = 'playing' | 'paused' | 'seeked' | 'stall-end';

/**
 * A simulated media element. The media clock is piecewise linear in simulated time: it advances at
 * rate x (1 + clock error) while playing, not seeking and not stalled.
 */
export class SimPlayer {
  private basePosSec = 0;
  private baseAtMs = 0;
  private rate = 1;
  private readonly clockError: number;
  private wantPlay = false;
  private started = false;
  private seeking = false;
  private seekTargetSec = 0;
  private seekDoneAtMs = 0;
  private stalled = false;
  /** Bumped by every play/pause/seek, so a superseded pending effect does nothing. */
  private playToken = 0;
  private seekToken = 0;

  constructor(
    private readonly queue: EventQueue,
    readonly model: PlayerModel,
    private readonly random: Random,
    private readonly onEvent: (event: PlayerEvent) => void,
  ) {
    this.clockError = uniform(random, -model.clockErrorPpm, model.clockErrorPpm) * 1e-6;
  }

  private advancing(): boolean {
    return this.wantPlay && this.started && !this.seeking && !this.stalled;
  }

  /** Moves the base point to now (before any change of how the clock advances). */
  private settle(): void {
    this.basePosSec = this.truePositionSec();
    this.baseAtMs = this.queue.nowMs;
  }

  truePositionSec(): number {
    const elapsedMs = this.advancing() ? this.queue.nowMs - this.baseAtMs : 0;
    return this.basePosSec + (elapsedMs / 1000) * this.rate * (1 + this.clockError);
  }

  isAdvancing(): boolean {
    return this.advancing();
  }

  isStalled(): boolean {
    return this.stalled;
  }

  isSeeking(): boolean {
    return this.seeking;
  }

  isPlayingWanted(): boolean {
    return this.wantPlay;
  }

  reading(): { positionSec: number; isPlaying: boolean; seeking: boolean; buffering: boolean } {
    const noiseSec = uniform(this.random, -this.model.readNoiseMs, this.model.readNoiseMs) / 1000;
    return {
      positionSec: this.seeking ? this.seekTargetSec : Math.max(0, this.truePositionSec() + noiseSec),
      isPlaying: this.wantPlay,
      seeking: this.seeking,
      buffering: this.stalled,
    };
  }

  play(): void {
    if (this.wantPlay) return;
    this.settle();
    this.wantPlay = true;
    const token = ++this.playToken;
    const startAtMs = Math.max(
      this.queue.nowMs + uniform(this.random, ...this.model.startLatencyMs),
      this.seekDoneAtMs,
    );
    this.queue.at(startAtMs, () => {
      if (token !== this.playToken || !this.wantPlay) return;
      if (this.seeking) {
        // Still seeking: frames start when the seek lands.
        this.started = true;
        return;
      }
      this.settle();
      this.started = true;
      this.onEvent('playing');
    });
  }

  pause(): void {
    if (!this.wantPlay) return;
    const token = ++this.playToken;
    this.queue.after(uniform(this.random, 1, 5), () => {
      if (token !== this.playToken) return;
      this.settle();
      this.wantPlay = false;
      this.started = false;
      this.onEvent('paused');
    });
  }

  seek(toSec: number): void {
    this.settle();
    this.seeking = true;
    this.seekTargetSec = toSec;
    const token = ++this.seekToken;
    this.seekDoneAtMs = this.queue.nowMs + uniform(this.random, ...this.model.seekLatencyMs);
    this.queue.at(this.seekDoneAtMs, () => {
      if (token !== this.seekToken) return;
      this.settle();
      this.basePosSec = Math.max(
        0,
        toSec + uniform(this.random, -this.model.seekErrorMs, this.model.seekErrorMs) / 1000,
      );
      this.seeking = false;
      this.onEvent('seeked');
    });
  }

  setRate(rate: number): void {
    this.queue.after(uniform(this.random, ...this.model.rateDelayMs), () => {
      this.settle();
      this.rate = rate;
    });
  }

  stall(durationMs: number): void {
    this.settle();
    this.stalled = true;
    this.queue.after(durationMs, () => {
      this.settle();
      this.stalled = false;
      this.onEvent('stall-end');
    });
  }
}
