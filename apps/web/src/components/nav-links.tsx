'use client';

import { cx } from '@wt/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActivePath, type NavItem } from './site-nav';

export function NavLinks({ items, className }: { items: readonly NavItem[]; className?: string }) {
  const pathname = usePathname();
  return (
    <ul className={cx('flex items-center gap-1', className)}>
      {items.map((item) => {
        const active = isActivePath(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cx(
                'rounded-full px-3.5 py-2 text-sm font-medium transition',
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
