/** Where the navigation points. One list per place it is shown, so labels stay consistent. */
export interface NavItem {
  href: string;
  label: string;
}

/** Header navigation, visible to everyone. Rooms points at the public lobby. */
export const PRIMARY_NAV: readonly NavItem[] = [
  { href: '/explore', label: 'Rooms' },
  { href: '/shorts', label: 'Shorts' },
  { href: '/leaderboard', label: 'Leaderboard' },
  { href: '/guilds', label: 'Guilds' },
];

/** Sidebar of the signed-in app. */
export const APP_NAV: readonly NavItem[] = [
  { href: '/home', label: 'Home' },
  { href: '/rooms', label: 'My rooms' },
  { href: '/friends', label: 'Friends' },
  { href: '/xp', label: 'XP' },
  { href: '/leaderboard', label: 'Leaderboard' },
  { href: '/guilds', label: 'Guilds' },
  { href: '/settings', label: 'Settings' },
];

export const FOOTER_NAV: ReadonlyArray<{ title: string; items: readonly NavItem[] }> = [
  {
    title: 'Watch',
    items: [
      { href: '/explore', label: 'Watch Rooms' },
      { href: '/shorts', label: 'Shorts' },
      { href: '/pricing', label: 'Pricing' },
    ],
  },
  {
    title: 'Community',
    items: [
      { href: '/leaderboard', label: 'Leaderboard' },
      { href: '/guilds', label: 'Guilds' },
      { href: '/friends', label: 'Friends' },
    ],
  },
  {
    title: 'Create',
    items: [
      { href: '/studio', label: 'Creator studio' },
      { href: '/sign-up', label: 'Create an account' },
      { href: '/sign-in', label: 'Sign in' },
    ],
  },
];

/** True when `pathname` is the item's page or a page below it. */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Sidebar of the creator studio: series pages (/studio/series/<id>) sit under Your series. */
export const STUDIO_NAV: readonly NavItem[] = [
  { href: '/studio', label: 'Your series' },
  { href: '/shorts', label: 'Shorts home' },
];

export const ADMIN_NAV: readonly NavItem[] = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/creators', label: 'Creators' },
  { href: '/admin/shorts', label: 'Shorts' },
  { href: '/admin/premium', label: 'Premium' },
];
