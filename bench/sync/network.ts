import type { EventQueue } from './event-queue';
import { uniform, type Random } from './random';

export interface LinkProfile {
  /** Round-trip time without jitter, ms; each direction takes half. */
  rttMs: number;
  /** Each message's one-way delay varies uniformly by up to this much either way, ms. */
  jitterMs: number;
  /** Share of transmissions lost; a lost one is retransmitted after a timeout, like TCP under Socket.io. */
  lossRate: number;
}

/** Linux's floor for TCP's retransmission timeout, ms. */
const MIN_RTO_MS = 200;

/**
 * One direction of a client's connection. Messages arrive in the order they were sent (one TCP
 * stream): a retransmitted message holds back the ones behind it. Delivery is skipped when the
 * connection it was sent on has closed since.
 */
export class Link {
  private lastDeliveryMs = 0;

  constructor(
    private readonly queue: EventQueue,
    private readonly profile: LinkProfile,
    private readonly random: Random,
  ) {}

  /** One-way transit time of the next message, ms (retransmissions included). */
  private transitMs(): number {
    const { rttMs, jitterMs, lossRate } = this.profile;
    let delayMs = Math.max(1, rttMs / 2 + uniform(this.random, -jitterMs, jitterMs));
    let rtoMs = Math.max(MIN_RTO_MS, rttMs + 4 * jitterMs);
    while (this.random() < lossRate) {
      delayMs += rtoMs;
      rtoMs *= 2;
    }
    return delayMs;
  }

  send(deliver: () => void, isOpen: () => boolean): void {
    const atMs = Math.max(this.queue.nowMs + this.transitMs(), this.lastDeliveryMs);
    this.lastDeliveryMs = atMs;
    this.queue.at(atMs, () => {
      if (isOpen()) deliver();
    });
  }
}
