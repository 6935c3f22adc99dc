import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { RoomsLobby } from '@/components/rooms/rooms-lobby';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { lobbyTabFrom } from '@/rooms/lobby';

export const metadata: Metadata = { title: 'My rooms' };

export default async function RoomsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const tab = lobbyTabFrom(firstParam(query, 'tab'));
  return (
    <>
      <AreaPageHeader title="My rooms">
        <p>
          Rooms you host, rooms your friends and guild are watching in, and public rooms open to everyone.
        </p>
      </AreaPageHeader>
      <RoomsLobby initialTab={tab} createGuildRoom={firstParam(query, 'create') === 'guild'} />
    </>
  );
}
