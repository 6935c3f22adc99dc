import { Button } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard, Field } from '@/components/auth/auth-card';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to your rooms, friends and guild."
      footer={
        <>
          New here?{' '}
          <Link href="/sign-up" className="font-semibold text-brand-600 hover:underline dark:text-brand-300">
            Create an account
          </Link>
        </>
      }
    >
      <form className="space-y-4" aria-describedby="accounts-notice">
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
