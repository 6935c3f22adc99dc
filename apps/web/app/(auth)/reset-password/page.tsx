import type { Metadata } from 'next';
import { ResetPasswordView } from '@/components/auth/reset-password-view';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <ResetPasswordView token={firstParam(await searchParams, 'token') ?? null} />;
}
