import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { PremiumGrantForm } from './premium-grant-form';

export const metadata: Metadata = { title: 'Premium · Admin', robots: { index: false } };

export default function AdminPremiumPage() {
  return (
    <>
      <AreaPageHeader title="Premium">
        <p>
          Give a member Premium by hand, or take it away. Leaderboard winners get theirs automatically every
          Monday.
        </p>
      </AreaPageHeader>
      <SignInPrompt title="Granting Premium needs an admin account" signedIn={<PremiumGrantForm />}>
        Sign in with an admin account to grant or revoke Premium.
      </SignInPrompt>
    </>
  );
}
