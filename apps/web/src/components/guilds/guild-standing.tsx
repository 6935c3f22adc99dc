import type { GuildDetail } from '@wt/schemas';
import Link from 'next/link';
import { boardSearch } from '@/leaderboard/board';
import { formatHours } from '@/profile/format';
import { PanelSection } from '../panel-section';

const WEEKLY_BOARD = `/leaderboard${boardSearch({ type: 'guild', period: 'weekly' })}`;
const MONTHLY_BOARD = `/leaderboard${boardSearch({ type: 'guild', period: 'monthly' })}`;

/** Hours the members watched as members (this week, this month, all time) and the guild's ranks. */
export function GuildStanding({ guild }: { guild: GuildDetail }) {
  const { standing } = guild;
  const stats = [
    { label: 'This week', hours: standing.weeklyHours },
    { label: 'This month', hours: standing.monthlyHours },
    { label: 'All time', hours: standing.totalHours },
  ];
  return (
    <PanelSection id="standing-heading" title="Watch hours">
      <dl className="grid grid-cols-3 gap-3">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-2xl bg-surface-2/60 p-3">
            <dt className="text-xs font-medium text-ink-muted">{stat.label}</dt>
            <dd className="mt-1 text-lg font-semibold text-ink tabular-nums">{formatHours(stat.hours)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-ink-muted">
        {standing.weeklyRank !== null ? (
          <>
            <Link
              href={WEEKLY_BOARD}
              className="font-semibold text-brand-700 hover:underline dark:text-brand-300"
            >
              #{standing.weeklyRank} on this week’s guild board
            </Link>
            {standing.monthlyRank !== null ? (
              <>
                {' · '}
                <Link href={MONTHLY_BOARD} className="hover:underline">
                  #{standing.monthlyRank} this month
                </Link>
              </>
            ) : null}
          </>
        ) : (
          <>
            Not on{' '}
            <Link
              href={WEEKLY_BOARD}
              className="font-semibold text-brand-700 hover:underline dark:text-brand-300"
            >
              this week’s guild board
            </Link>{' '}
            yet: watch together in rooms to rank.
          </>
        )}
      </p>
    </PanelSection>
  );
}
