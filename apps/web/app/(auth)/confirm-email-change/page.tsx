import type { Metadata } from 'next';
import { ConfirmEmailChangeView } from '@/components/auth/confirm-email-change-view';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Confirm your new email' };

export default async function ConfirmEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  return <ConfirmEmailChangeView token={firstParam(await searchParams, 'token') ?? null} />;
}
