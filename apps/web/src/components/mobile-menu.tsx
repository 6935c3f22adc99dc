'use client';

import { buttonClasses, cx } from '@wt/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { CloseIcon, MenuIcon } from './icons';
import { isActivePath, PRIMARY_NAV } from './site-nav';

/** The header's navigation below the `md` breakpoint: a disclosure panel under the bar. */
export function MobileMenu() {
  const [isOpen, setOpen] = useState(false);
  const { status } = useAuth();
  const pathname = usePathname();
  const panelId = useId();
  const close = () => setOpen(false);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={isOpen ? 'Close menu' : 'Open menu'}
        onClick={() => setOpen(!isOpen)}
        className="inline-flex size-10 items-center justify-center rounded-full text-ink transition hover:bg-surface-2"
      >
        {isOpen ? <CloseIcon className="size-6" /> : <MenuIcon className="size-6" />}
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        className="absolute inset-x-0 top-full border-b border-line bg-canvas px-4 pt-2 pb-6 shadow-xl shadow-brand-950/10"
      >
        <nav aria-label="Mobile">
          <ul className="flex flex-col gap-1">
            {PRIMARY_NAV.map((item) => {
              const active = isActivePath(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    onClick={close}
                    className={cx(
                      'block rounded-2xl px-4 py-3 text-base font-medium',
                      active
                        ? 'bg-brand-100 text-brand-800 dark:bg-brand-900/60 dark:text-brand-100'
                        : 'text-ink hover:bg-surface-2',
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {/* Signed in, the avatar menu in the bar has Settings and Sign out. */}
        <div className="mt-4 grid grid-cols-2 gap-3" hidden={status === 'signed-in'}>
          <Link
            href="/sign-in"
            onClick={close}
            className={buttonClasses({ variant: 'outline', className: 'w-full' })}
          >
            Sign in
          </Link>
          <Link href="/sign-up" onClick={close} className={buttonClasses({ className: 'w-full' })}>
            Get started
          </Link>
        </div>
      </div>
    </div>
  );
}
