import { cx } from '@wt/ui';
import { initialsOf } from '@/profile/format';

const SIZES = { sm: 'size-9 text-xs', md: 'size-14 text-base', lg: 'size-24 text-2xl sm:size-28' } as const;

/**
 * A person's avatar, or their initials on a tinted disc when they have none. A plain <img>: avatars are
 * small, already resized by the API, and come from /api/media or an S3 bucket.
 */
export function Avatar({
  url,
  name,
  size = 'md',
  className,
}: {
  url: string | null;
  name: string;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  const classes = cx('shrink-0 rounded-full ring-2 ring-canvas', SIZES[size], className);
  if (url) {
    return <img src={url} alt={`${name}'s avatar`} width={256} height={256} className={cx(classes, 'object-cover')} />;
  }
  return (
    <span
      role="img"
      aria-label={`${name}'s avatar`}
      className={cx(classes, 'grid place-items-center bg-brand-100 font-semibold text-brand-700 dark:bg-brand-900/60 dark:text-brand-200')}
    >
      {initialsOf(name)}
    </span>
  );
}
