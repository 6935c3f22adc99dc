import { Button, buttonClasses } from '@wt/ui';
import Link from 'next/link';
import type { PaywallCard as PaywallCardData } from '@/shorts/paywall';
import { LockIcon } from '../../icons';

/** Shown in place of the video at a locked (or not yet playable) episode. */
export function PaywallCard({ card }: { card: PaywallCardData }) {
  return (
    <div
      className="mx-6 flex max-w-sm flex-col items-center gap-4 rounded-3xl bg-white/10 p-6 text-center text-white shadow-xl ring-1 ring-white/15 backdrop-blur-md"
      data-testid="paywall-card"
      data-paywall={card.kind}
      data-no-swipe
    >
      {card.kind !== 'not_ready' ? (
        <span className="grid size-12 place-items-center rounded-full bg-white/15">
          <LockIcon className="size-6" />
        </span>
      ) : null}
      <h2 className="text-xl font-semibold text-balance">{card.title}</h2>
      <p className="text-sm leading-6 text-white/80">{card.body}</p>
      {card.kind === 'sign_up' ? (
        <div className="flex w-full flex-col gap-2">
          <Link href={card.signUpHref} className={buttonClasses({ variant: 'accent', size: 'lg', className: 'w-full' })}>
            Sign up to keep watching
          </Link>
          <Link href={card.signInHref} className={buttonClasses({ variant: 'inverse', size: 'md', className: 'w-full' })}>
            Sign in
          </Link>
        </div>
      ) : null}
      {card.kind === 'unlock' ? (
        <div className="flex w-full flex-col gap-2">
          <Button variant="accent" size="lg" className="w-full" disabled aria-describedby="unlock-unavailable">
            {card.buttonLabel}
          </Button>
          <p id="unlock-unavailable" className="text-sm text-white/80">
            {card.reason}
          </p>
        </div>
      ) : null}
    </div>
  );
}
