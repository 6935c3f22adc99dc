import { DEACTIVATION_GRACE_DAYS, FORCED_SIGN_OUT_MESSAGE } from '@wt/schemas';
import { buttonClasses } from '@wt/ui';
import Link from 'next/link';
import { FormAlert } from '../forms/form-alert';
import { AuthCard } from './auth-card';

export type SignedOutReason = 'new-login' | 'session-ended' | 'deactivated' | 'deleted';

const REASONS: Record<SignedOutReason, { tone: 'warning' | 'info'; message: string }> = {
  'new-login': { tone: 'warning', message: FORCED_SIGN_OUT_MESSAGE },
  'session-ended': { tone: 'warning', message: 'Your session has ended. Sign in again to continue.' },
  deactivated: {
    tone: 'info',
    message: `Your account is deactivated and hidden from everyone. Sign in within ${DEACTIVATION_GRACE_DAYS} days to bring it back; after that it is deleted for good.`,
  },
  deleted: {
    tone: 'info',
    message:
      'Your account is being deleted. Your personal data is removed; messages you sent stay as "Deleted user".',
  },
};

export function parseSignedOutReason(value: string | undefined): SignedOutReason | null {
  return value && Object.hasOwn(REASONS, value) ? (value as SignedOutReason) : null;
}

/** Where a tab lands after signing out, or after the server ended its session. */
export function SignedOutView({ reason }: { reason: SignedOutReason | null }) {
  const detail = reason ? REASONS[reason] : null;
  const farewell = reason === 'deleted' || reason === 'deactivated';
  return (
    <AuthCard
      title={farewell ? 'Goodbye for now' : "You're signed out"}
      subtitle={farewell ? undefined : 'Sign in again to get back to your rooms, friends and guild.'}
    >
      {detail ? (
        <FormAlert tone={detail.tone} className="mb-6">
          {detail.message}
        </FormAlert>
      ) : null}
      <div className="grid gap-3">
        <Link href="/sign-in" className={buttonClasses({ className: 'w-full' })}>
          Sign in
        </Link>
        <Link href="/" className={buttonClasses({ variant: 'outline', className: 'w-full' })}>
          Back to the home page
        </Link>
      </div>
    </AuthCard>
  );
}
