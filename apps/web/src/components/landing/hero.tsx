import { buttonClasses, Container, Pill } from '@wt/ui';
import Link from 'next/link';
import { ArrowRightIcon } from '../icons';
import { RoomIllustration } from './room-illustration';

export function Hero() {
  return (
    <section aria-labelledby="hero-heading" className="relative overflow-hidden bg-hero-glow">
      <Container className="grid grid-cols-1 items-center gap-14 pt-14 pb-20 sm:pt-20 lg:grid-cols-[1.05fr_1fr] lg:pt-24 lg:pb-24">
        <div>
          <Pill tone="accent">Watch Rooms + Shorts · one account</Pill>
          <h1
            id="hero-heading"
            className="mt-6 text-5xl leading-[1.02] font-extrabold tracking-tight text-balance text-ink sm:text-6xl lg:text-7xl"
          >
            Watch together,{' '}
            <span className="bg-linear-to-r from-brand-600 via-brand-500 to-accent-500 bg-clip-text text-transparent dark:from-brand-300 dark:via-brand-400 dark:to-accent-400">
              in perfect sync.
            </span>
          </h1>
          <p className="mt-6 max-w-xl text-lg leading-8 text-ink-muted">
            Open a room, drop in a YouTube link, a Drive file, a Spotify track or your own video, and press
            play with friends anywhere. Everyone sees the same frame at the same moment, with chat and voice
            alongside. Between movie nights, binge vertical series from independent creators.
          </p>
          <div className="mt-9 flex flex-col gap-3 sm:flex-row">
            <Link href="/sign-up" className={buttonClasses({ size: 'lg' })}>
              Get started free
              <ArrowRightIcon className="size-4" />
            </Link>
            <Link href="/explore" className={buttonClasses({ variant: 'outline', size: 'lg' })}>
              Explore rooms
            </Link>
          </div>
          <p className="mt-5 text-sm text-ink-muted">
            Free with ads. Premium removes them. No card needed to start.
          </p>
        </div>
        <RoomIllustration />
      </Container>
    </section>
  );
}
