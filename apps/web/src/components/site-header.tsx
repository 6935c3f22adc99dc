import { Container, Logo } from '@wt/ui';
import Link from 'next/link';
import { AccountMenu } from './account-menu';
import { MobileMenu } from './mobile-menu';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notifications/notification-bell';
import { PRIMARY_NAV } from './site-nav';
import { ThemeToggle } from './theme-toggle';
import { XpBadge } from './xp/xp-badge';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-line/70 bg-canvas/80 backdrop-blur-xl">
      <Container className="relative flex h-16 items-center gap-4">
        <Link href="/" className="shrink-0 rounded-xl" aria-label="WatchTogether home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="ml-4 hidden md:block">
          <NavLinks items={PRIMARY_NAV} />
        </nav>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          <XpBadge />
          <ThemeToggle />
          <NotificationBell />
          <AccountMenu />
          <MobileMenu />
        </div>
      </Container>
    </header>
  );
}
