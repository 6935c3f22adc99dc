'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, Pill } from '@wt/ui';
import { useTRPC } from '@/trpc/react';

/** Which runtime mode the API is in (`platform.info`), or a plain sentence when it cannot be reached. */
export function PlatformStatus() {
  const trpc = useTRPC();
  const info = useQuery(trpc.platform.info.queryOptions(undefined, { refetchInterval: 30_000 }));

  return (
    <Card as="section" aria-labelledby="platform-status-heading">
      <div className="flex items-center justify-between gap-3">
        <h2 id="platform-status-heading" className="font-semibold text-ink">
          Platform status
        </h2>
        {info.data ? (
          <Pill tone="success">API online</Pill>
        ) : info.isError ? (
          <Pill tone="warning">API unreachable</Pill>
        ) : (
          <Pill tone="neutral">Checking…</Pill>
        )}
      </div>
      {info.data ? (
        <dl className="mt-4 grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-ink-muted">Version</dt>
            <dd className="mt-1 font-mono text-ink">{info.data.version}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">Database</dt>
            <dd className="mt-1 font-mono text-ink">{info.data.database}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">Redis</dt>
            <dd className="mt-1 font-mono text-ink">{info.data.redis}</dd>
          </div>
        </dl>
      ) : (
        <p role="status" className="mt-3 text-sm leading-6 text-ink-muted">
          {info.isError
            ? 'The API did not answer. If you run WatchTogether yourself, check that the API process is up.'
            : 'Asking the API which mode it runs in…'}
        </p>
      )}
    </Card>
  );
}
