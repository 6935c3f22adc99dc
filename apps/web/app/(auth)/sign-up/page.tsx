import { LIMITS, USERNAME_PATTERN } from '@wt/schemas';
import { Button } from '@wt/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard, Field } from '@/components/auth/auth-card';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <AuthCard
      title="Create your account"
      subtitle="One account for Watch Rooms and Shorts: your level, badges and wallet go everywhere."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/sign-in" className="font-semibold text-brand-600 hover:underline dark:text-brand-300">
            Sign in
          </Link>
        </>
      }
    >
      <form className="space-y-4" aria-describedby="accounts-notice">
        <Field
          label="Username"
          name="username"
          autoComplete="username"
          required
          minLength={LIMITS.usernameMin}
          maxLength={LIMITS.usernameMax}
          pattern={USERNAME_PATTERN.source.replace(/^\^|\$$/g, '')}
          hint={`${LIMITS.usernameMin}–${LIMITS.usernameMax} characters: letters, numbers and underscores.`}
        />
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required />
        <Button type="submit" className="w-full" disabled>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
