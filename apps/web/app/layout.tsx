import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { inter, jetbrainsMono } from './fonts';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'WatchTogether: watch together, in perfect sync',
    template: '%s · WatchTogether',
  },
  description:
    'Watch YouTube, Google Drive, Spotify, any web page or your own videos in sync with friends, with chat, voice, XP and guilds. Plus Shorts: vertical micro-drama series from independent creators.',
  applicationName: 'WatchTogether',
  openGraph: {
    type: 'website',
    siteName: 'WatchTogether',
    title: 'WatchTogether: watch together, in perfect sync',
    description:
      'Watch rooms in perfect sync with friends, and vertical micro-drama series from independent creators.',
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0918' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // next-themes sets the `dark` class before hydration; React must not complain about it.
    <html lang="en" className={`${inter.variable} ${jetbrainsMono.variable}`} suppressHydrationWarning>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-full bg-brand-600 px-4 py-2 text-sm font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
