import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { XpHistoryView } from '@/components/xp/xp-history';

export const metadata: Metadata = { title: 'Your XP' };

export default function XpPage() {
  return (
    <>
      <AreaPageHeader title="Your XP">
        <p>
          XP comes from watching, chatting, making friends and showing up each day. Every award is listed
          here, newest first, and each level unlocks at a higher total.
        </p>
      </AreaPageHeader>
      <XpHistoryView />
    </>
  );
}
