import { levelProgress } from '@wt/schemas';
import { formatXp } from '@/profile/format';

/** Level and the XP bar towards the next one (seed 000 thresholds). */
export function LevelBar({ xp }: { xp: number }) {
  const { level, nextLevelXp, fraction } = levelProgress(xp);
  const percent = Math.round(fraction * 100);
  return (
    <div className="w-full max-w-sm">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-semibold text-ink">Level {level}</span>
        <span className="text-ink-muted">
          {nextLevelXp === null ? `${formatXp(xp)} · top level` : `${formatXp(xp)} / ${formatXp(nextLevelXp)}`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={nextLevelXp === null ? `Level ${level}, the top level` : `Progress to level ${level + 1}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-gradient-to-r from-brand-500 to-fuchsia-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
