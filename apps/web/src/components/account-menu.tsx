'use client';

import type { AuthUser } from '@wt/schemas';
import { buttonClasses, cx } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { signedOutPath, useAuth } from '@/auth/auth-provider';
import { useSocket } from '@/lib/socket';
import { usePopover } from '@/lib/use-popover';
import { useXpStanding } from '@/xp/use-xp';
import { LevelBar } from './profile/level-bar';

/**
 * The header's account corner: Sign in / Get started for visitors, the avatar and a menu (Settings,
 * Sign out) once signed in. While the session is being restored it holds the space, so the bar does
 * not jump.
 */
export function AccountMenu() {
  const { status, user } = useAuth();
  if (status === 'loading') {
    return (
      <span className="hidden h-9 w-40 animate-pulse rounded-full bg-surface-2 sm:block" aria-hidden="true" />
    );
  }
  if (status === 'signed-in') return <SignedInMenu user={user} />;
  return (
    <div className="hidden items-center gap-2 sm:flex">
      <Link href="/sign-in" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
        Sign in
      </Link>
      <Link href="/sign-up" className={buttonClasses({ size: 'sm' })}>
        Get started
      </Link>
    </div>
  );
}

function SignedInMenu({ user }: { user: AuthUser }) {
  const { client } = useAuth();
  const router = useRouter();
  const { isOpen, setOpen, panelId, root } = usePopover();
  const [signingOut, setSigningOut] = useState(false);
  // The /global socket is what tells this tab it was signed out elsewhere; its state shows as a dot.
  const { status: realtime } = useSocket('/global');
  // The same query as the header's XP badge (kept live there); phones see their level only here.
  const { data: standing } = useXpStanding();

  const signOut = async () => {
    setSigningOut(true);
    await client.signOut();
    router.push(signedOutPath());
  };

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
        className="flex items-center gap-2 rounded-full py-1 pr-1 pl-1 text-sm font-medium text-ink transition hover:bg-surface-2 sm:pr-3"
      >
        <span className="relative" data-realtime={realtime}>
          <Avatar user={user} />
          <span
            aria-hidden="true"
            className={cx(
              'absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full ring-2 ring-canvas',
              realtime === 'connected' ? 'bg-emerald-500' : 'bg-ink-muted/40',
            )}
          />
        </span>
        <span className="hidden max-w-32 truncate sm:block">{user.username}</span>
        <span className="sr-only sm:hidden">Account menu for {user.username}</span>
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        className="absolute top-full right-0 z-50 mt-2 w-64 rounded-2xl border border-line bg-surface p-2 shadow-xl shadow-brand-950/10"
      >
        <div className="px-3 py-2">
          <p className="truncate text-sm font-semibold text-ink">{user.displayName ?? user.username}</p>
          <p className="truncate text-xs text-ink-muted">{user.email}</p>
          {standing ? (
            <div className="mt-3">
              <LevelBar xp={standing.xp} />
            </div>
          ) : null}
        </div>
        <div className="my-1 h-px bg-line" />
        <ul className="flex flex-col">
          <li>
            <MenuLink href="/home">Home</MenuLink>
          </li>
          <li>
            <MenuLink href={`/u/${user.username}`}>Your profile</MenuLink>
          </li>
          <li>
            <MenuLink href="/xp">Your XP</MenuLink>
          </li>
          <li>
            <MenuLink href="/settings">Settings</MenuLink>
          </li>
          <li>
            <button
              type="button"
              onClick={() => void signOut()}
              disabled={signingOut}
              className="block w-full rounded-xl px-3 py-2 text-left text-sm font-medium text-ink hover:bg-surface-2 disabled:opacity-60"
            >
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function MenuLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="block rounded-xl px-3 py-2 text-sm font-medium text-ink hover:bg-surface-2">
      {children}
    </Link>
  );
}

/** The user's picture, or the first letter of their name on a brand disc. */
export function Avatar({
  user,
  size = 'sm',
}: {
  user: Pick<AuthUser, 'avatarUrl' | 'displayName' | 'username'>;
  size?: 'sm' | 'lg';
}) {
  const dimension = size === 'lg' ? 'size-12 text-lg' : 'size-8 text-sm';
  if (user.avatarUrl) {
    return (
      // A user-supplied URL on any host: next/image would need every host configured.
      <img src={user.avatarUrl} alt="" className={cx(dimension, 'rounded-full object-cover')} />
    );
  }
  const initial = (user.displayName ?? user.username).trim().charAt(0).toUpperCase() || '?';
  return (
    <span
      aria-hidden="true"
      className={cx(
        dimension,
        'grid place-items-center rounded-full bg-brand-600 font-semibold text-white dark:bg-brand-500',
      )}
    >
      {initial}
    </span>
  );
}
