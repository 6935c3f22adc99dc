import { buttonClasses, Card } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ShieldIcon } from '../icons';

/**
 * A full-width message in place of the room: why the person is not (or no longer) in it and what they
 * can do next. The title is the page's heading, the sentence is announced.
 */
export function RoomNotice({
  title,
  message,
  next,
  actions,
}: {
  title: string;
  message: string;
  next?: string;
  actions?: ReactNode;
}) {
  return (
    <Card as="section" aria-labelledby="room-notice-title" className="mx-auto max-w-2xl">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <span className="grid size-12 shrink-0 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-200">
          <ShieldIcon className="size-6" />
        </span>
        <div className="min-w-0 flex-1">
          <h1 id="room-notice-title" className="text-2xl font-bold tracking-tight text-ink">
            {title}
          </h1>
          <p role="alert" className="mt-2 text-base leading-7 text-ink">
            {message}
          </p>
          {next ? <p className="mt-1 text-sm leading-6 text-ink-muted">{next}</p> : null}
          <div className="mt-5 flex flex-wrap gap-2">
            {actions}
            <Link href="/rooms" className={buttonClasses({ variant: 'outline' })}>
              Back to rooms
            </Link>
          </div>
        </div>
      </div>
    </Card>
  );
}

/** While the room is loaded or joined. */
export function RoomLoading({ label }: { label: string }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" aria-busy="true">
      <div className="space-y-4">
        <div className="h-9 w-2/3 animate-pulse rounded-xl bg-surface-2" />
        <div className="aspect-video animate-pulse rounded-3xl bg-surface-2" />
      </div>
      <div className="h-96 animate-pulse rounded-3xl bg-surface-2" />
      <p role="status" className="sr-only">
        {label}
      </p>
    </div>
  );
}
