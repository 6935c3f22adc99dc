import type { Metadata } from 'next';
import { oauthErrorMessage } from '@/auth/oauth-errors';
import { SignInView } from '@/components/auth/sign-in-view';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return (
    <SignInView
      next={firstParam(params, 'next')}
      mfaChallenge={firstParam(params, 'mfaChallenge')}
      oauthError={oauthErrorMessage(firstParam(params, 'oauthError'))}
    />
  );
}
