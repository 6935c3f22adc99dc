import { describe, expect, it } from 'vitest';
import { defaultEventWindow, eventProgress, eventStatusText, toLocalInputValue } from './events';

describe('eventProgress', () => {
  it.each([
    [0, 10, 0, '0 of 10 hours'],
    [2.5, 10, 25, '2.5 of 10 hours'],
    [3.333, 10, 33, '3.3 of 10 hours'],
    [12, 10, 100, '12 of 10 hours'],
    [0.5, 1, 50, '0.5 of 1 hour'],
    [-1, 10, 0, '0 of 10 hours'],
  ])('%f of %f hours is %i%%', (progressHours, goalHours, percent, text) => {
    expect(eventProgress({ progressHours, goalHours })).toEqual({ percent, text });
  });

  it('never divides by a zero goal', () => {
    expect(eventProgress({ progressHours: 3, goalHours: 0 }).percent).toBe(0);
  });
});

describe('eventStatusText', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const window = { startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-08T10:00:00Z' };

  it('says when an upcoming challenge starts and a running one ends', () => {
    expect(eventStatusText({ ...window, status: 'upcoming', completed: false }, now, 'en-GB')).toMatch(
      /^Starts 1 Dec, \d\d:00$/,
    );
    expect(eventStatusText({ ...window, status: 'running', completed: false }, now, 'en-GB')).toMatch(
      /^Ends 8 Dec, \d\d:00$/,
    );
    expect(eventStatusText({ ...window, status: 'running', completed: true }, now, 'en-GB')).toMatch(
      /^Goal reached · Ends /,
    );
  });

  it('says whether an ended challenge reached its goal', () => {
    expect(eventStatusText({ ...window, status: 'ended', completed: true }, now)).toBe(
      'Ended · goal reached',
    );
    expect(eventStatusText({ ...window, status: 'ended', completed: false }, now)).toBe(
      'Ended · goal missed',
    );
  });
});

describe('event window inputs', () => {
  it('writes a date the way datetime-local reads it back', () => {
    const at = new Date(2026, 10, 30, 9, 5);
    expect(toLocalInputValue(at)).toBe('2026-11-30T09:05');
    expect(new Date(toLocalInputValue(at)).getTime()).toBe(at.getTime());
  });

  it('starts at the next full hour and lasts a week', () => {
    const { startsAt, endsAt } = defaultEventWindow(new Date(2026, 10, 30, 9, 5));
    expect(startsAt).toBe('2026-11-30T10:00');
    expect(new Date(endsAt).getTime() - new Date(startsAt).getTime()).toBe(7 * 86_400_000);
  });
});
