'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, cx } from '@wt/ui';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { emptyLobbyMessage, LOBBY_REFRESH_MS, LOBBY_TABS, type LobbyTab } from '@/rooms/lobby';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';
import { FormAlert } from '../forms/form-alert';
import { PlusIcon } from '../icons';
import { SignInPrompt } from '../sign-in-prompt';
import { CreateRoomDialog } from './create-room-dialog';
import { RoomCard } from './room-card';

/** /rooms: the live lobby for signed-in people, the sign-in prompt for everyone else. */
/** `createGuildRoom` (`?create=guild`, from a guild's page): the create dialog opens as a guild room. */
export function RoomsLobby({ initialTab, createGuildRoom = false }: { initialTab: LobbyTab; createGuildRoom?: boolean }) {
  return (
    <SignInPrompt
      title="Sign in to see your rooms"
      signedIn={<Lobby initialTab={initialTab} createGuildRoom={createGuildRoom} />}
    >
      Hosting a room needs an account. Until you have one, see how rooms work in the lobby.
    </SignInPrompt>
  );
}

function Lobby({ initialTab, createGuildRoom }: { initialTab: LobbyTab; createGuildRoom: boolean }) {
  const [tab, setTab] = useState(initialTab);
  const [creating, setCreating] = useState(createGuildRoom);
  const router = useRouter();
  const pathname = usePathname();

  const chooseTab = (next: LobbyTab) => {
    setTab(next);
    // The tab is part of the address, so a reload or a shared link opens the same list.
    router.replace(next === 'all' ? pathname : `${pathname}?tab=${next}`, { scroll: false });
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <LobbyTabs tab={tab} onChange={chooseTab} />
        <Button onClick={() => setCreating(true)} className="shrink-0">
          <PlusIcon />
          Create room
        </Button>
      </div>
      <RoomList tab={tab} onCreate={() => setCreating(true)} />
      <CreateRoomDialog
        open={creating}
        asGuildRoom={createGuildRoom}
        onClose={() => {
          setCreating(false);
          // Closing forgets `?create=guild`, so a reload does not open the dialog again.
          if (createGuildRoom) chooseTab(tab);
        }}
      />
    </div>
  );
}

function LobbyTabs({ tab, onChange }: { tab: LobbyTab; onChange: (tab: LobbyTab) => void }) {
  return (
    <div
      role="group"
      aria-label="Which rooms to show"
      className="-mx-1 flex gap-1 overflow-x-auto px-1 py-1 [scrollbar-width:none]"
    >
      {LOBBY_TABS.map((t) => (
        <button
          key={t.value}
          type="button"
          aria-pressed={t.value === tab}
          onClick={() => onChange(t.value)}
          className={cx(
            'h-9 shrink-0 rounded-full px-4 text-sm font-semibold transition',
            t.value === tab
              ? 'bg-brand-600 text-white shadow-sm dark:bg-brand-500'
              : 'bg-surface-2 text-ink hover:bg-line',
          )}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function RoomList({ tab, onCreate }: { tab: LobbyTab; onCreate: () => void }) {
  const trpc = useTRPC();
  const lobby = useInfiniteQuery(
    trpc.rooms.lobby.infiniteQueryOptions(
      { tab },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: LOBBY_REFRESH_MS },
    ),
  );

  if (lobby.isPending) {
    return (
      <ul aria-busy="true" aria-label="Loading rooms" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <li key={i} className="h-48 animate-pulse rounded-3xl bg-surface-2" />
        ))}
      </ul>
    );
  }
  if (lobby.isError) {
    return (
      <FormAlert>
        {roomErrorOf(lobby.error).message}{' '}
        <button type="button" onClick={() => void lobby.refetch()} className="font-semibold underline">
          Try again
        </button>
      </FormAlert>
    );
  }
  const rooms = lobby.data.pages.flatMap((page) => page.rooms);
  if (rooms.length === 0) {
    return (
      <Card className="flex flex-col items-start gap-4 border-dashed sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm leading-6 text-ink-muted">{emptyLobbyMessage(tab)}</p>
        <Button variant="outline" size="sm" onClick={onCreate}>
          Create room
        </Button>
      </Card>
    );
  }
  return (
    <div className="space-y-6">
      <ul aria-label="Rooms" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {rooms.map((room) => (
          <RoomCard key={room.id} room={room} />
        ))}
      </ul>
      {lobby.hasNextPage ? (
        <Button
          variant="outline"
          onClick={() => void lobby.fetchNextPage()}
          disabled={lobby.isFetchingNextPage}
        >
          {lobby.isFetchingNextPage ? 'Loading…' : 'Show more rooms'}
        </Button>
      ) : null}
    </div>
  );
}
