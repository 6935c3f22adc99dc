import type { Metadata } from 'next';
import { parseSignedOutReason, SignedOutView } from '@/components/auth/signed-out-view';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Signed out' };

export default async function SignedOutPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <SignedOutView reason={parseSignedOutReason(firstParam(await searchParams, 'reason'))} />;
}
