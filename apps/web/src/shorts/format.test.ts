import { describe, expect, it } from 'vitest';
import { freeEpisodesLabel, placeholderHues, progressPercent } from './format';

describe('freeEpisodesLabel', () => {
  it.each([
    [{ episodeCount: 10, freeEpisodes: 3 }, '3 free episodes'],
    [{ episodeCount: 10, freeEpisodes: 1 }, '1 free episode'],
    [{ episodeCount: 10, freeEpisodes: 0 }, 'No free episodes'],
    [{ episodeCount: 2, freeEpisodes: 3 }, 'All 2 episodes free'],
    [{ episodeCount: 1, freeEpisodes: 3 }, 'Free episode'],
    [{ episodeCount: 0, freeEpisodes: 3 }, 'No free episodes'],
  ])('%o -> %s', (card, expected) => {
    expect(freeEpisodesLabel(card)).toBe(expected);
  });
});

describe('placeholderHues', () => {
  it('is stable per slug and in range', () => {
    const [a, b] = placeholderHues('midnight-diner');
    expect(placeholderHues('midnight-diner')).toEqual([a, b]);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(360);
    expect(placeholderHues('the-last-courier')).not.toEqual([a, b]);
  });
});

describe('progressPercent', () => {
  it('clamps and rounds', () => {
    expect(progressPercent(null, 60_000)).toBeNull();
    expect(progressPercent(30_000, null)).toBeNull();
    expect(progressPercent(30_000, 60_000)).toBe(50);
    expect(progressPercent(90_000, 60_000)).toBe(100);
  });
});
