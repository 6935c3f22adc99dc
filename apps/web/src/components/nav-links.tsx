'use client';

import { cx } from '@wt/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActivePath, type NavItem } from './site-nav';

/** A list of navigation links that marks the current page; shared by the header and area side-navs. */
export function NavLinks({
  items,
  className,
  itemClassName,
  linkClassName = 'rounded-full',
}: {
  items: readonly NavItem[];
  className?: string;
  itemClassName?: string;
  linkClassName?: string;
}) {
  const pathname = usePathname();
  return (
    <ul className={cx('flex gap-1', className ?? 'items-center')}>
      {items.map((item) => {
        const active = isActivePath(pathname, item.href);
        return (
          <li key={item.href} className={itemClassName}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cx(
                'px-3.5 py-2 text-sm font-medium transition',
                linkClassName,
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
  );
}
