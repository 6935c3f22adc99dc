import { HTML5_CAPABILITIES } from '@/players/html5-player';
import {
  GestureRequiredError,
  PlayerEvents,
  type AdapterCapabilities,
  type PlayerAdapter,
  type PlayerEvent,
} from '@/players/player';

/**
 * A simulated player for the sync client's tests: its media clock runs with the test's clock at its
 * rate while it plays; it can refuse to start (autoplay rule), stall and end.
 */
export class FakePlayer implements PlayerAdapter {
  readonly calls: string[] = [];
  readonly events = new PlayerEvents();
  private positionSec = 0;
  private anchorMs: number;
  private playing = false;
  rate = 1;
  seeking = false;
  stalled = false;
  ended = false;
  durationSec: number | null = 600;
  refuseStart = false;
  failed: string | null = null;

  constructor(
    private readonly now: () => number,
    readonly capabilities: AdapterCapabilities = HTML5_CAPABILITIES,
  ) {
    this.anchorMs = now();
  }

  private settle(): void {
    const now = this.now();
    if (this.playing && !this.stalled && !this.seeking) {
      this.positionSec += ((now - this.anchorMs) / 1000) * this.rate;
    }
    this.anchorMs = now;
  }

  getPosition(): number {
    this.settle();
    return this.positionSec;
  }

  isPlaying(): boolean {
    return this.playing;
  }

  isSeeking(): boolean {
    return this.seeking;
  }

  isBuffering(): boolean {
    return this.playing && this.stalled;
  }

  hasEnded(): boolean {
    return this.ended;
  }

  getDuration(): number | null {
    return this.durationSec;
  }

  play(): Promise<void> {
    this.calls.push('play');
    if (this.refuseStart) return Promise.reject(new GestureRequiredError());
    this.settle();
    this.playing = true;
    this.ended = false;
    return Promise.resolve();
  }

  pause(): void {
    this.calls.push('pause');
    this.settle();
    this.playing = false;
  }

  seek(toSec: number): void {
    this.calls.push(`seek ${toSec.toFixed(2)}`);
    this.settle();
    this.positionSec = toSec;
    this.ended = false;
  }

  setRate(rate: number): void {
    this.calls.push(`rate ${rate.toFixed(3)}`);
    this.settle();
    this.rate = rate;
  }

  /** Puts the media clock somewhere, as if it had played there. */
  setPosition(sec: number): void {
    this.settle();
    this.positionSec = sec;
  }

  stall(stalled: boolean): void {
    this.settle();
    this.stalled = stalled;
    this.emit(stalled ? 'waiting' : 'playing');
  }

  emit(event: PlayerEvent): void {
    this.events.emit(event);
  }

  onEvent(listener: (event: PlayerEvent) => void): () => void {
    return this.events.on(listener);
  }

  failure(): string | null {
    return this.failed;
  }

  destroy(): void {
    this.events.clear();
  }
}
