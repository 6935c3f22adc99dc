import { Container, Logo } from '@wt/ui';
import Link from 'next/link';
import { FOOTER_NAV } from './site-nav';

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-line bg-surface/60">
      <Container className="grid gap-10 py-12 md:grid-cols-[1.4fr_repeat(3,1fr)]">
        <div className="max-w-xs">
          <Link href="/" className="inline-flex rounded-xl" aria-label="WatchTogether home">
            <Logo />
          </Link>
          <p className="mt-4 text-sm leading-6 text-ink-muted">
            Watch anything with your people, in sync. Make and discover vertical series worth binging.
          </p>
        </div>
        {FOOTER_NAV.map((column) => (
          <nav key={column.title} aria-label={column.title}>
            <h2 className="text-sm font-semibold text-ink">{column.title}</h2>
            <ul className="mt-3 space-y-2">
              {column.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="text-sm text-ink-muted transition hover:text-brand-600 dark:hover:text-brand-300"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </Container>
      <Container className="flex flex-col gap-2 border-t border-line py-6 text-xs text-ink-muted sm:flex-row sm:items-center sm:justify-between">
        <p>© {new Date().getFullYear()} WatchTogether. Built for watching together.</p>
        <p>Web today · iOS, Android and desktop on the way.</p>
      </Container>
    </footer>
  );
}
