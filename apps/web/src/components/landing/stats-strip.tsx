'use client';

import { useQuery } from '@tanstack/react-query';
import { Container, cx } from '@wt/ui';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/trpc/react';

const STATS = [
  { key: 'users', label: 'people on WatchTogether' },
  { key: 'activeRooms', label: 'rooms open right now' },
  { key: 'watchHours', label: 'hours watched together' },
  { key: 'series', label: 'Shorts series published' },
] as const;

/**
 * Live platform numbers from `platform.stats`. Prefetched on the server when the API answers;
 * otherwise fetched here, and if the API is down the strip says so instead of failing the page.
 */
export function StatsStrip() {
  const trpc = useTRPC();
  const stats = useQuery(trpc.platform.stats.queryOptions(undefined, { refetchInterval: 60_000 }));
  const unavailable = stats.isError && !stats.data;

  return (
    <section aria-labelledby="stats-heading" className="relative">
      <Container>
        <div className="rounded-4xl border border-line bg-surface/80 p-6 shadow-sm backdrop-blur sm:p-8">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="stats-heading" className="text-sm font-semibold tracking-wide text-ink-muted uppercase">
              The platform right now
            </h2>
            <span
              className={cx(
                'inline-flex items-center gap-2 rounded-full px-3 py-1 text-xs font-semibold',
                unavailable
                  ? 'bg-surface-2 text-ink-muted'
                  : 'bg-accent-100 text-accent-800 dark:bg-accent-900/40 dark:text-accent-100',
              )}
            >
              <span
                aria-hidden="true"
                className={cx(
                  'size-2 rounded-full',
                  unavailable ? 'bg-ink-muted' : 'animate-pulse-dot bg-accent-500',
                )}
              />
              {unavailable ? 'Offline' : 'Live'}
            </span>
          </div>
          <dl className="mt-6 grid grid-cols-2 gap-x-6 gap-y-8 lg:grid-cols-4" aria-busy={stats.isPending}>
            {STATS.map((stat) => (
              <div key={stat.key} className="flex flex-col-reverse gap-1">
                <dt className="text-sm text-ink-muted">{stat.label}</dt>
                <dd className="font-mono text-3xl font-semibold tracking-tight text-ink tabular-nums sm:text-4xl">
                  {stats.data ? (
                    formatCount(stats.data[stat.key])
                  ) : stats.isPending ? (
                    <span className="inline-block h-9 w-20 animate-pulse rounded-lg bg-surface-2 align-middle">
                      <span className="sr-only">Loading</span>
                    </span>
                  ) : (
                    <span aria-label="unavailable">—</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p role="status" className="mt-6 text-sm text-ink-muted empty:mt-0">
            {unavailable ? 'Live numbers are taking a break right now. Everything else works as usual.' : ''}
          </p>
        </div>
      </Container>
    </section>
  );
}
