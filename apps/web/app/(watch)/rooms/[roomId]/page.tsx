import { inviteCodeSchema, roomIdSchema } from '@wt/schemas';
import type { Metadata } from 'next';
import { PlayerKeysProvider } from '@/components/rooms/player-keys';
import { RoomNotice } from '@/components/rooms/room-notice';
import { RoomScreen } from '@/components/rooms/room-screen';
import { env } from '@/env';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Watch room' };

export default async function RoomPage({
  params,
  searchParams,
}: {
  params: Promise<{ roomId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ roomId }, query] = await Promise.all([params, searchParams]);
  const id = roomIdSchema.safeParse(roomId);
  if (!id.success) {
    return (
      <RoomNotice
        title="Room not found"
        message={id.error.issues[0]?.message ?? 'That room link is not valid.'}
      />
    );
  }
  // A malformed invite code is dropped: the room page then says what the room itself allows.
  const invite = inviteCodeSchema.safeParse(firstParam(query, 'invite'));
  return (
    <PlayerKeysProvider keys={{ googleApiKey: env.GOOGLE_API_KEY }}>
      <RoomScreen roomId={id.data} inviteCode={invite.success ? invite.data : undefined} />
    </PlayerKeysProvider>
  );
}
