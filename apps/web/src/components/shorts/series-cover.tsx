import { cx } from '@wt/ui';
import { placeholderHues } from '@/shorts/format';
import { coverAlt } from '@/shorts/paths';

/**
 * A series cover at 9:16, or a generated poster (two hues from the slug, the title set large) while
 * the creator has not uploaded one. A plain <img>: covers are already resized by the API.
 */
export function SeriesCover({
  title,
  slug,
  coverUrl,
  className,
  priority = false,
}: {
  title: string;
  slug: string;
  coverUrl: string | null;
  className?: string;
  priority?: boolean;
}) {
  const classes = cx('relative aspect-[9/16] w-full overflow-hidden rounded-2xl bg-surface-2', className);
  if (coverUrl) {
    return (
      <div className={classes}>
        <img
          src={coverUrl}
          alt={coverAlt(title)}
          width={540}
          height={960}
          loading={priority ? 'eager' : 'lazy'}
          className="absolute inset-0 size-full object-cover"
        />
      </div>
    );
  }
  const [a, b] = placeholderHues(slug);
  return (
    <div
      role="img"
      aria-label={coverAlt(title)}
      className={cx(classes, 'flex items-end p-4')}
      style={{ backgroundImage: `linear-gradient(160deg, hsl(${a} 70% 45%), hsl(${b} 65% 18%))` }}
    >
      <span aria-hidden className="absolute inset-x-0 top-0 h-1/2 bg-[radial-gradient(circle_at_30%_20%,rgb(255_255_255/0.25),transparent_60%)]" />
      <span aria-hidden className="relative line-clamp-4 text-xl leading-tight font-bold tracking-tight text-balance text-white drop-shadow">
        {title}
      </span>
    </div>
  );
}
