import type { GuildEvent } from '@wt/schemas';
import { formatTimeOfDay } from '@/lib/time';
import { formatHours } from '@/profile/format';

/** A guild challenge as its card shows it: how far along it is, and where it stands in time. */

export interface EventProgress {
  /** 0 to 100, for the progress bar. */
  percent: number;
  /** "3.5 of 10 hours". */
  text: string;
}

export function eventProgress(event: Pick<GuildEvent, 'progressHours' | 'goalHours'>): EventProgress {
  const ratio = event.goalHours > 0 ? event.progressHours / event.goalHours : 0;
  const percent = Math.max(0, Math.min(100, Math.floor(ratio * 100)));
  const done = Math.round(Math.max(0, event.progressHours) * 10) / 10;
  return { percent, text: `${done.toLocaleString('en-US')} of ${formatHours(event.goalHours)}` };
}

export function eventStatusText(
  event: Pick<GuildEvent, 'status' | 'completed' | 'startsAt' | 'endsAt'>,
  now: Date = new Date(),
  locale?: string,
): string {
  if (event.status === 'upcoming') return `Starts ${formatTimeOfDay(event.startsAt, now, locale)}`;
  if (event.status === 'running') {
    return `${event.completed ? 'Goal reached · ' : ''}Ends ${formatTimeOfDay(event.endsAt, now, locale)}`;
  }
  return event.completed ? 'Ended · goal reached' : 'Ended · goal missed';
}

/** A date as a `datetime-local` input holds it: the viewer's own clock, to the minute. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A new challenge's window until the officer picks one: from the next full hour, for a week. */
export function defaultEventWindow(now: Date = new Date()): { startsAt: string; endsAt: string } {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  return { startsAt: toLocalInputValue(start), endsAt: toLocalInputValue(end) };
}
