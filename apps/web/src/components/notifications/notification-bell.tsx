'use client';

import type { AppNotification } from '@wt/schemas';
import { cx } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useAuth } from '@/auth/auth-provider';
import { badgeText, bellLabel, safeInternalUrl, timeAgo } from '@/notifications/feed';
import { useNotifications } from '@/notifications/use-notifications';
import { usePopover } from '@/lib/use-popover';
import { BellIcon } from '../icons';

/** The header's bell for signed-in people: unread count, and the newest notifications in a dropdown. */
export function NotificationBell() {
  const { status } = useAuth();
  if (status !== 'signed-in') return null;
  return <SignedInBell />;
}

function SignedInBell() {
  const feed = useNotifications();
  const router = useRouter();
  const { isOpen, setOpen, panelId, root } = usePopover();
  const badge = badgeText(feed.unread);


  const open = async (notification: AppNotification) => {
    const url = safeInternalUrl(notification.url);
    // Mark read first, but a failed mark must not keep the person from where they were going.
    if (!notification.readAt) await feed.markRead(notification.id).catch(() => undefined);
    setOpen(false);
    if (url) router.push(url);
  };

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={bellLabel(feed.unread)}
        data-testid="notification-bell"
        onClick={() => setOpen(!isOpen)}
        className="relative grid size-9 place-items-center rounded-full text-ink-muted transition hover:bg-surface-2 hover:text-ink"
      >
        <BellIcon className="size-5" />
        {badge ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 grid min-w-4.5 place-items-center rounded-full bg-brand-600 px-1 text-[0.6875rem] leading-4.5 font-semibold text-white ring-2 ring-canvas"
          >
            {badge}
          </span>
        ) : null}
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        role="region"
        aria-label="Notifications"
        className="absolute top-full right-0 z-50 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-2xl border border-line bg-surface p-2 shadow-xl shadow-brand-950/10"
      >
        <div className="flex items-center justify-between gap-2 px-3 py-2">
          <p className="text-sm font-semibold text-ink">Notifications</p>
          <button
            type="button"
            onClick={() => void feed.markAllRead()}
            disabled={feed.unread === 0 || feed.markingAll}
            className="rounded-lg px-2 py-1 text-xs font-medium text-brand-700 hover:bg-surface-2 disabled:text-ink-muted disabled:opacity-60 dark:text-brand-300"
          >
            Mark all read
          </button>
        </div>
        <div className="my-1 h-px bg-line" />
        {feed.isLoading ? (
          <p role="status" className="px-3 py-4 text-sm text-ink-muted">
            Loading…
          </p>
        ) : feed.error ? (
          <p role="alert" className="px-3 py-4 text-sm text-red-700 dark:text-red-300">
            {feed.error}
          </p>
        ) : feed.items.length === 0 ? (
          <p className="px-3 py-4 text-sm text-ink-muted">No notifications yet. Invites and friend requests show up here.</p>
        ) : (
          <ul className="flex max-h-[60vh] flex-col overflow-y-auto">
            {feed.items.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  onClick={() => void open(n)}
                  data-unread={n.readAt ? undefined : 'true'}
                  className="flex w-full items-start gap-3 rounded-xl px-3 py-2.5 text-left hover:bg-surface-2"
                >
                  <span
                    aria-hidden="true"
                    className={cx('mt-1.5 size-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-brand-600')}
                  />
                  <span className="min-w-0 flex-1">
                    <span className={cx('block text-sm text-ink', !n.readAt && 'font-semibold')}>
                      {n.title}
                      {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                    </span>
                    {n.body ? <span className="mt-0.5 block text-xs text-ink-muted">{n.body}</span> : null}
                    <span className="mt-0.5 block text-xs text-ink-muted">{timeAgo(n.createdAt, new Date())}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="my-1 h-px bg-line" />
        <Link
          href="/settings#notifications"
          className="block rounded-xl px-3 py-2 text-sm font-medium text-ink hover:bg-surface-2"
        >
          Notification settings
        </Link>
      </div>
    </div>
  );
}
