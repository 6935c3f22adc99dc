import type { AppNotification } from '@wt/schemas';

/** How many the bell's dropdown shows; the rest stay in notifications.list. */
export const BELL_PAGE_SIZE = 10;

/** The badge text: nothing at zero, the number up to 9, then "9+". */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 9 ? '9+' : String(unread);
}

/** The bell button's accessible name, with the count read out. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return 'Notifications';
  return unread === 1 ? 'Notifications, 1 unread' : `Notifications, ${unread} unread`;
}

/** A live notification on top of the list, once (a reconnect may replay it), newest first. */
export function withLive(items: readonly AppNotification[], incoming: AppNotification, limit = BELL_PAGE_SIZE): AppNotification[] {
  return [incoming, ...items.filter((n) => n.id !== incoming.id)].slice(0, limit);
}

/** The list after marking some read at `readAt` (those already read keep their time). */
export function markedRead(items: readonly AppNotification[], ids: readonly string[] | 'all', readAt: string): AppNotification[] {
  return items.map((n) => (n.readAt === null && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt } : n));
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date. */
export function timeAgo(createdAt: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(createdAt)) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  return new Date(createdAt).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Only paths of this site are followed from a notification (never another origin). */
export function safeInternalUrl(url: string | null): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return null;
  return url;
}
