'use client';

import { XP_RULE_NAMES } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { formatTimeOfDay } from '@/lib/time';
import { XP_RULE_LABELS, xpEntryLabel, xpGainText, xpRuleTerms } from '@/xp/labels';
import { useXpHistory, useXpStanding } from '@/xp/use-xp';
import { FormAlert } from '../forms/form-alert';
import { LevelBar } from '../profile/level-bar';
import { SignInPrompt } from '../sign-in-prompt';

/** /xp: the viewer's level, every XP award newest first, and the ways to earn more. */
export function XpHistoryView() {
  return (
    <SignInPrompt title="Sign in to see your XP" signedIn={<XpOverview />}>
      Your level and every XP award you earned live with your account.
    </SignInPrompt>
  );
}

function XpOverview() {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="grid content-start gap-6">
        <Standing />
        <History />
      </div>
      <WaysToEarn />
    </div>
  );
}

function Standing() {
  const standing = useXpStanding();
  return (
    <Card as="section" aria-labelledby="xp-level-heading">
      <h2 id="xp-level-heading" className="text-lg font-semibold text-ink">
        Your level
      </h2>
      <div className="mt-4">
        {standing.data ? (
          <LevelBar xp={standing.data.xp} />
        ) : standing.isError ? (
          <p className="text-sm text-ink-muted">
            Your level could not be loaded. Please try again in a moment.
          </p>
        ) : (
          <div className="h-10 max-w-sm animate-pulse rounded-xl bg-surface-2" aria-hidden="true" />
        )}
      </div>
    </Card>
  );
}

function History() {
  const history = useXpHistory();
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card as="section" aria-labelledby="xp-history-heading">
      <h2 id="xp-history-heading" className="text-lg font-semibold text-ink">
        History
      </h2>
      <div className="mt-4">
        {!history.data ? (
          history.isError ? (
            <FormAlert>
              Your XP history could not be loaded. Please try again in a moment.{' '}
              <button
                type="button"
                onClick={() => void history.refetch()}
                className="font-semibold underline"
              >
                Try again
              </button>
            </FormAlert>
          ) : (
            <ul aria-busy="true" aria-label="Loading your XP history" className="grid gap-2">
              {[0, 1, 2].map((i) => (
                <li key={i} className="h-12 animate-pulse rounded-xl bg-surface-2" />
              ))}
            </ul>
          )
        ) : entries.length === 0 ? (
          <p className="text-sm leading-6 text-ink-muted">
            No XP yet. Come back daily, chat in rooms and watch together to earn your first points.
          </p>
        ) : (
          <>
            <ol aria-label="XP awards" className="divide-y divide-line">
              {entries.map((entry) => (
                <li key={entry.id} className="flex items-center justify-between gap-4 py-3">
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-ink">{xpEntryLabel(entry)}</p>
                    <time dateTime={entry.createdAt} className="text-xs text-ink-muted">
                      {formatTimeOfDay(entry.createdAt)}
                    </time>
                  </div>
                  <span className="shrink-0 text-sm font-semibold text-emerald-700 dark:text-emerald-300">
                    {xpGainText(entry.amount)}
                  </span>
                </li>
              ))}
            </ol>
            {history.hasNextPage ? (
              <Button
                variant="outline"
                size="sm"
                className="mt-4"
                onClick={() => void history.fetchNextPage()}
                disabled={history.isFetchingNextPage}
              >
                {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            ) : null}
            {history.isFetchNextPageError ? (
              <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
                More history could not be loaded. Please try again.
              </p>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}

function WaysToEarn() {
  return (
    <Card as="section" aria-labelledby="xp-earn-heading" className="content-start self-start">
      <h2 id="xp-earn-heading" className="text-lg font-semibold text-ink">
        Ways to earn XP
      </h2>
      <dl className="mt-4 grid gap-3">
        {XP_RULE_NAMES.map((rule) => {
          const terms = xpRuleTerms(rule);
          return (
            <div key={rule} className="flex items-baseline justify-between gap-3">
              <dt className="text-sm text-ink">
                {XP_RULE_LABELS[rule]}
                {terms.limit ? <span className="block text-xs text-ink-muted">{terms.limit}</span> : null}
              </dt>
              <dd className="shrink-0 text-sm font-semibold text-ink">{terms.amount}</dd>
            </div>
          );
        })}
      </dl>
    </Card>
  );
}
