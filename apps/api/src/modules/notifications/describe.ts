import { NOTIFICATION_TYPES, type NotificationType } from '@wt/schemas';

export interface NotificationText {
  title: string;
  body: string | null;
  /** A path of the web app the notification opens, or null. */
  url: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
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

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "the week of Monday 23 November 2026" or "November 2026" from a YYYY-MM-DD start; null if unreadable. */
function periodLabel(period: 'weekly' | 'monthly' | null, start: unknown): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(start) ?? '');
  if (!period || !match) return null;
  const [, year, month, day] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) return null;
  if (period === 'monthly') return `${monthName} ${year}`;
  return `the week of Monday ${Number(day)} ${monthName} ${year}`;
}

/**
 * A finished board's result: "You finished 2nd on the weekly leaderboard: 90 days of Premium are
 * yours", or for a guild's members "Night Owls finished 1st on the weekly guild leaderboard: ...".
 * Older payloads carry only `board` as a word ("weekly") and `rank`.
 */
function describeLeaderboardResult(payload: Record<string, unknown>): NotificationText {
  const rank = count(payload.rank);
  const period = payload.period === 'weekly' || payload.period === 'monthly' ? payload.period : null;
  const board = text(payload.board);
  const word = period ?? (board && !board.includes(':') ? board : null);
  const guild = payload.type === 'guild';
  const where = `the ${word ? `${word} ` : ''}${guild ? 'guild ' : ''}leaderboard`;
  const days = count(payload.premiumDays);
  const reward = days && days > 0 ? `: ${days} days of Premium are yours` : '';
  const guildName = guild ? text(payload.guildName) : null;
  const who = guild ? (guildName ?? 'Your guild') : 'You';
  const when = periodLabel(period, payload.periodStart);
  const body = [
    when ? `For ${when}${guildName ? `, as a member of ${guildName}` : ''}.` : null,
    reward ? 'The days are added to any Premium you already have.' : null,
  ].filter(Boolean);
  return {
    title: rank ? `${who} finished ${ordinal(rank)} on ${where}${reward}` : `The results of ${where} are in`,
    body: body.length > 0 ? body.join(' ') : null,
    url: '/leaderboard',
  };
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
      return {
        title: `${actor(payload)} sent you a friend request`,
        body: 'Accept or decline it on your Friends page.',
        url: '/friends',
      };
    case 'friend_accepted':
      return {
        title: `${actor(payload)} accepted your friend request`,
        body: null,
        url: profileUrl(payload) ?? '/friends',
      };
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
    case 'guild_invite': {
      const guild = text(payload.guildName) ?? 'a guild';
      const guildId = segment(payload.guildId);
      const url = guildId ? `/guilds/${guildId}` : '/guilds';
      if (payload.kind === 'request') {
        return { title: `${actor(payload)} asked to join ${guild}`, body: 'Approve or decline on the guild page.', url };
      }
      if (payload.kind === 'accepted') {
        return { title: `You are now a member of ${guild}`, body: 'Say hello in the guild chat.', url };
      }
      return { title: `${actor(payload)} invited you to ${guild}`, body: 'Accept or decline on the guild page.', url };
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
    case 'leaderboard_result':
      return describeLeaderboardResult(payload);
    case 'level_up': {
      const level = count(payload.level);
      return {
        title: level ? `You reached level ${level}` : 'You levelled up',
        body: 'Keep watching together to earn more XP.',
        url: null,
      };
    }
  }
}
