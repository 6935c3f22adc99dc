import { lobbyInput, type RoomSummary } from '@wt/schemas';
import type { z } from 'zod';
import { PLATFORM_LABELS } from './platforms';

/** The lobby's tabs, its live refresh and how a room card describes a room. */

export type LobbyTab = z.output<typeof lobbyInput>['tab'];

export const LOBBY_TABS: readonly { value: LobbyTab; label: string; empty: string }[] = [
  { value: 'all', label: 'All', empty: 'No rooms are open right now. Start one and invite your friends.' },
  { value: 'public', label: 'Public', empty: 'No public rooms are open right now.' },
  { value: 'friends', label: 'Friends', empty: 'None of your friends is hosting a room right now.' },
  { value: 'guild', label: 'Guild', empty: 'Nobody in your guild is hosting a room right now.' },
  { value: 'mine', label: 'Mine', empty: 'You are not hosting a room. Create one to start watching.' },
];

/** Member counts and what is playing change all the time: the lobby asks again this often. */
export const LOBBY_REFRESH_MS = 10_000;

/** The tab named in the address (`/rooms?tab=friends`), or the first one. */
export function lobbyTabFrom(value: string | null | undefined): LobbyTab {
  const parsed = lobbyInput.shape.tab.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : 'all';
}

export function emptyLobbyMessage(tab: LobbyTab): string {
  return LOBBY_TABS.find((t) => t.value === tab)?.empty ?? LOBBY_TABS[0]!.empty;
}

/** "3 of 10 watching"; a full room says so. */
export function seatsLabel(room: Pick<RoomSummary, 'memberCount' | 'maxMembers'>): string {
  if (room.memberCount >= room.maxMembers) return `Full · ${room.maxMembers} of ${room.maxMembers}`;
  return `${room.memberCount} of ${room.maxMembers} watching`;
}

export function isFull(room: Pick<RoomSummary, 'memberCount' | 'maxMembers'>): boolean {
  return room.memberCount >= room.maxMembers;
}

/** What a room plays, in words: the platform and a short address ("YouTube", "youtube.com/watch?v=…"). */
export function nowPlaying(content: RoomSummary['content']): { platform: string; detail: string } | null {
  if (!content) return null;
  return { platform: PLATFORM_LABELS[content.platform], detail: shortAddress(content.url) };
}

/** An address without its scheme and `www.`, cut to `max` characters. */
export function shortAddress(url: string, max = 48): string {
  let text = url;
  try {
    const parsed = new URL(url);
    text = `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
  } catch {
    // Upload paths ("/media/…") are shown as they are.
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
