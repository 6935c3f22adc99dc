import { NOTIFICATION_TYPES, type NotificationType } from '@wt/schemas';

export interface NotificationText {
  title: string;
  body: string | null;
  /** A path of the web app the notification opens, or null. */
  url: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const segment = (value: unknown): string | null => {
  const v = text(value);
  return v ? encodeURIComponent(v) : null;
};

/** Who did it: their display name, else their username, else "Someone". */
function actor(payload: Record<string, unknown>): string {
  return text(payload.fromName) ?? text(payload.fromUsername) ?? text(payload.username) ?? 'Someone';
}

function profileUrl(payload: Record<string, unknown>): string | null {
  const username = segment(payload.fromUsername) ?? segment(payload.username);
  return username ? `/u/${username}` : null;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/**
 * What a notification says and where it leads, from its type and payload alone (the bell, Web Push
 * and email all show this). Tolerates old or partial payloads: a missing name becomes a neutral word.
 */
export function describeNotification(type: string, payload: Record<string, unknown>): NotificationText {
  if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) {
    return { title: 'You have a new notification', body: null, url: null };
  }
  switch (type as NotificationType) {
    case 'friend_request':
      return { title: `${actor(payload)} sent you a friend request`, body: 'Accept or decline it on your Friends page.', url: '/friends' };
    case 'friend_accepted':
      return { title: `${actor(payload)} accepted your friend request`, body: null, url: profileUrl(payload) ?? '/friends' };
    case 'room_invite': {
      const room = text(payload.roomName) ?? 'a watch room';
      const code = segment(payload.code);
      const roomId = segment(payload.roomId);
      return {
        title: `${actor(payload)} invited you to ${room}`,
        body: 'Join them and watch together.',
        url: code ? `/invite/${code}` : roomId ? `/rooms/${roomId}` : null,
      };
    }
    case 'guild_event': {
      const guild = text(payload.guildName) ?? 'your guild';
      const event = text(payload.eventName);
      const guildId = segment(payload.guildId);
      return {
        title: event ? `${guild}: ${event}` : `Something new in ${guild}`,
        body: null,
        url: guildId ? `/guilds/${guildId}` : '/guilds',
      };
    }
    case 'leaderboard_result': {
      const rank = count(payload.rank);
      const board = text(payload.board);
      const where = board ? `the ${board} leaderboard` : 'the leaderboard';
      return {
        title: rank ? `You finished ${ordinal(rank)} on ${where}` : `The results of ${where} are in`,
        body: null,
        url: '/leaderboard',
      };
    }
    case 'level_up': {
      const level = count(payload.level);
      return { title: level ? `You reached level ${level}` : 'You levelled up', body: 'Keep watching together to earn more XP.', url: null };
    }
  }
}
