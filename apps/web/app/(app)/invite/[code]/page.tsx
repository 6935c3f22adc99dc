import { inviteCodeSchema } from '@wt/schemas';
import type { Metadata } from 'next';
import { InviteView } from '@/components/rooms/invite-view';
import { RoomNotice } from '@/components/rooms/room-notice';

export const metadata: Metadata = { title: 'Room invite' };

export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const parsed = inviteCodeSchema.safeParse(code);
  if (!parsed.success) {
    return (
      <RoomNotice
        title="This invite does not work"
        message={parsed.error.issues[0]?.message ?? 'That invite link is not valid.'}
      />
    );
  }
  return <InviteView code={parsed.data} />;
}
