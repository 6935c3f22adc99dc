import { Card } from '@wt/ui';
import type { ComponentType, SVGProps } from 'react';

export interface Feature {
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  title: string;
  body: string;
}

/** A grid of icon + title + sentence cards; used by the landing page and the teaser pages. */
const GRID: Record<2 | 3 | 4, string> = {
  2: 'grid gap-4 sm:grid-cols-2',
  3: 'grid gap-4 sm:grid-cols-2 lg:grid-cols-3',
  4: 'grid gap-4 sm:grid-cols-2 lg:grid-cols-4',
};

export function FeatureList({
  features,
  columns = 3,
}: {
  features: readonly Feature[];
  columns?: 2 | 3 | 4;
}) {
  return (
    <ul className={GRID[columns]}>
      {features.map(({ icon: FeatureIcon, title, body }) => (
        <Card as="li" key={title} className="flex flex-col gap-3">
          <span className="grid size-11 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-200">
            <FeatureIcon className="size-5" />
          </span>
          <h3 className="text-base font-semibold text-ink">{title}</h3>
          <p className="text-sm leading-6 text-ink-muted">{body}</p>
        </Card>
      ))}
    </ul>
  );
}
