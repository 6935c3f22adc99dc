import type { RoomDetail, RoomMember, SyncSettings } from '@wt/schemas';
import { mayControlPlayback } from '@wt/sync';
import type { AdapterCapabilities } from '@/players/player';
import { personName } from '@/rooms/people';

/** What the transport bar, the waiting notice and the settings show, as pure functions. */

/** Whether this person's play, pause, seek and rate commands are accepted (the server decides). */
export function canControlPlayback(
  you: { role: RoomMember['role'] },
  room: Pick<RoomDetail, 'playbackControl'>,
): boolean {
  return mayControlPlayback(room.playbackControl, { isLeader: you.role === 'leader' });
}

/** "0:07", "12:34", "1:02:03": a media position (negative and unknown read as 0). */
export function formatMediaTime(totalSec: number | null): string {
  const whole = totalSec !== null && Number.isFinite(totalSec) && totalSec > 0 ? Math.floor(totalSec) : 0;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The speeds the rate menu offers. */
export const ROOM_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The speeds this player can play (YouTube lists its own; Spotify has none but 1). */
export function rateChoices(capabilities: AdapterCapabilities | null): number[] {
  if (!capabilities?.rateControl) return [];
  const allowed = capabilities.allowedRates;
  return ROOM_RATES.filter((rate) =>
    allowed
      ? allowed.some((a) => Math.abs(a - rate) < 1e-9)
      : rate >= capabilities.minRate && rate <= capabilities.maxRate,
  );
}

export function formatRate(rate: number): string {
  return `${Number(rate.toFixed(2))}×`;
}

/** "Sam", "Sam and Alex", "Sam, Alex and 2 others". */
function nameList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}

/**
 * The notice while the room waits for buffering members: who it waits for (from the roster's
 * buffering flags) and that it goes on by itself.
 */
export function waitingNotice(
  members: readonly RoomMember[],
  settings: SyncSettings,
  youId: string,
): { title: string; detail: string } {
  const buffering = members.filter((m) => m.online && m.buffering);
  const names = buffering.map((m) => (m.id === youId ? 'you' : personName(m)));
  const title =
    names.length > 0 ? `Waiting for ${nameList(names)} to buffer…` : 'Waiting for everyone to catch up…';
  const seconds = Math.round(settings.maxWaitMs / 1000);
  return {
    title,
    detail: `The room goes on by itself within ${seconds} s; anyone still loading catches up after.`,
  };
}
