'use client';

import { cx } from '@wt/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActivePath, type NavItem } from './site-nav';

/**
 * The side navigation of an area (the app, the studio, admin): a vertical list on wide screens,
 * a horizontally scrolling row of tabs on phones.
 */
export function SectionNav({ label, items }: { label: string; items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 lg:mx-0 lg:overflow-visible lg:px-0">
      <ul className="flex gap-1 lg:flex-col">
        {items.map((item) => {
          const active = isActivePath(pathname, item.href);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'block rounded-xl px-3.5 py-2 text-sm font-medium transition',
                  active
                    ? 'bg-brand-100 text-brand-800 dark:bg-brand-900/60 dark:text-brand-100'
                    : 'text-ink-muted hover:bg-surface-2 hover:text-ink',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
