import { buttonClasses, Container } from '@wt/ui';
import Link from 'next/link';

export function CtaBand() {
  return (
    <section aria-labelledby="cta-heading">
      <Container>
        <div className="relative overflow-hidden rounded-4xl bg-linear-to-br from-brand-700 via-brand-600 to-brand-800 px-6 py-14 text-center shadow-xl shadow-brand-900/20 sm:px-12 sm:py-20">
          <div
            aria-hidden="true"
            className="absolute -top-24 -right-24 size-72 rounded-full bg-accent-500/40 blur-3xl"
          />
          <div
            aria-hidden="true"
            className="absolute -bottom-28 -left-20 size-72 rounded-full bg-brand-400/40 blur-3xl"
          />
          <h2
            id="cta-heading"
            className="relative text-3xl font-bold tracking-tight text-balance text-white sm:text-5xl"
          >
            Press play together tonight.
          </h2>
          <p className="relative mx-auto mt-4 max-w-xl text-lg leading-8 text-brand-100">
            Free to start. Bring the people, we’ll keep the picture in sync.
          </p>
          <div className="relative mt-9 flex flex-col justify-center gap-3 sm:flex-row">
            <Link href="/sign-up" className={buttonClasses({ variant: 'accent', size: 'lg' })}>
              Create a free account
            </Link>
            <Link href="/pricing" className={buttonClasses({ variant: 'inverse', size: 'lg' })}>
              See pricing
            </Link>
          </div>
        </div>
      </Container>
    </section>
  );
}
