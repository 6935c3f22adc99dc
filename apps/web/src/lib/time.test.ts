import { describe, expect, it } from 'vitest';
import { formatTimeOfDay } from './time';

describe('formatTimeOfDay', () => {
  const now = new Date(2026, 0, 1, 12, 0);

  it('shows HH:MM for today', () => {
    expect(formatTimeOfDay(new Date(2026, 0, 1, 14, 5).toISOString(), now, 'en-GB')).toBe('14:05');
  });

  it('adds the date for another day', () => {
    expect(formatTimeOfDay(new Date(2026, 0, 3, 9, 30).toISOString(), now, 'en-GB')).toBe('3 Jan, 09:30');
  });
});
