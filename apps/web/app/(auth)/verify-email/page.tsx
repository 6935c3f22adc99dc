import type { Metadata } from 'next';
import { VerifyEmailView } from '@/components/auth/verify-email-view';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Confirm your email' };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <VerifyEmailView token={firstParam(await searchParams, 'token') ?? null} />;
}
