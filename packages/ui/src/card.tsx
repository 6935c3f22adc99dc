import type { HTMLAttributes } from 'react';
import { cx } from './cx';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** Render as a sectioning element when the card is a self-contained piece of content. */
  as?: 'div' | 'article' | 'section' | 'li';
  /** Adds a hover lift for cards that are links or open something. */
  interactive?: boolean;
}

export function Card({ as: Tag = 'div', interactive = false, className, ...props }: CardProps) {
  return (
    <Tag
      className={cx(
        'rounded-3xl border border-line bg-surface p-6 shadow-sm shadow-brand-950/5',
        interactive &&
          'transition hover:-translate-y-0.5 hover:border-brand-300 hover:shadow-md dark:hover:border-brand-700',
        className,
      )}
      {...props}
    />
  );
}
