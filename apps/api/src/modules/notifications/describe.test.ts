import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES, NOTIFICATION_TYPES } from '@wt/schemas';
import { channelsFor } from './channels';
import { describeNotification } from './describe';

describe('describeNotification', () => {
  it.each([
    [
      'room_invite',
      { roomId: 'r1', roomName: 'Movie night', fromUserId: 'u1', fromName: 'Ann', code: 'abc123' },
      { title: 'Ann invited you to Movie night', url: '/invite/abc123' },
    ],
    [
      'room_invite',
      { roomId: 'r1', roomName: 'Movie night' },
      { title: 'Someone invited you to Movie night', url: '/rooms/r1' },
    ],
    ['room_invite', {}, { title: 'Someone invited you to a watch room', url: null }],
    [
      'friend_request',
      { fromUsername: 'sam', fromName: 'Sam Lee' },
      { title: 'Sam Lee sent you a friend request', url: '/friends' },
    ],
    ['friend_request', { username: 'sam' }, { title: 'sam sent you a friend request', url: '/friends' }],
    [
      'friend_accepted',
      { fromUsername: 'sam' },
      { title: 'sam accepted your friend request', url: '/u/sam' },
    ],
    ['friend_accepted', {}, { title: 'Someone accepted your friend request', url: '/friends' }],
    [
      'guild_event',
      { guildId: 'g1', guildName: 'Night Owls', eventName: 'Horror week' },
      { title: 'Night Owls: Horror week', url: '/guilds/g1' },
    ],
    ['guild_event', {}, { title: 'Something new in your guild', url: '/guilds' }],
    [
      'leaderboard_result',
      { board: 'weekly', rank: 1 },
      { title: 'You finished 1st on the weekly leaderboard', url: '/leaderboard' },
    ],
    [
      'leaderboard_result',
      { rank: 12 },
      { title: 'You finished 12th on the leaderboard', url: '/leaderboard' },
    ],
    [
      'leaderboard_result',
      { rank: 23 },
      { title: 'You finished 23rd on the leaderboard', url: '/leaderboard' },
    ],
    ['leaderboard_result', {}, { title: 'The results of the leaderboard are in', url: '/leaderboard' }],
    [
      'leaderboard_result',
      {
        board: 'individual:weekly:2026-11-23',
        type: 'individual',
        period: 'weekly',
        periodStart: '2026-11-23',
        rank: 2,
        premiumDays: 90,
      },
      {
        title: 'You finished 2nd on the weekly leaderboard: 90 days of Premium are yours',
        body: 'For the week of Monday 23 November 2026. The days are added to any Premium you already have.',
        url: '/leaderboard',
      },
    ],
    [
      'leaderboard_result',
      {
        board: 'guild:weekly:2026-11-23',
        type: 'guild',
        period: 'weekly',
        periodStart: '2026-11-23',
        rank: 1,
        premiumDays: 30,
        guildName: 'Night Owls',
      },
      {
        title: 'Night Owls finished 1st on the weekly guild leaderboard: 30 days of Premium are yours',
        body: 'For the week of Monday 23 November 2026, as a member of Night Owls. The days are added to any Premium you already have.',
      },
    ],
    [
      'leaderboard_result',
      {
        board: 'individual:monthly:2026-11-01',
        type: 'individual',
        period: 'monthly',
        periodStart: '2026-11-01',
        rank: 3,
      },
      { title: 'You finished 3rd on the monthly leaderboard', body: 'For November 2026.' },
    ],
    [
      'leaderboard_result',
      {
        board: 'guild:weekly:garbage',
        type: 'guild',
        period: 'weekly',
        periodStart: 'soon',
        rank: 2,
        premiumDays: 'lots',
      },
      { title: 'Your guild finished 2nd on the weekly guild leaderboard', body: null },
    ],
    ['level_up', { level: 5 }, { title: 'You reached level 5', url: null }],
    ['level_up', { level: 'five' }, { title: 'You levelled up', url: null }],
    ['badge_earned', { badgeId: 'b1' }, { title: 'You have a new notification', url: null }],
  ])('%s %j', (type, payload, expected) => {
    expect(describeNotification(type, payload)).toMatchObject(expected);
  });

  it('escapes what goes into a link, so a payload cannot point elsewhere', () => {
    const { url } = describeNotification('room_invite', { code: '../../evil?x=1' });
    expect(url).toBe('/invite/..%2F..%2Fevil%3Fx%3D1');
    expect(describeNotification('friend_accepted', { fromUsername: 'a/b' }).url).toBe('/u/a%2Fb');
  });

  it('has a sentence for every type', () => {
    for (const type of NOTIFICATION_TYPES)
      expect(describeNotification(type, {}).title).not.toBe('You have a new notification');
  });
});

describe('channelsFor', () => {
  it('gives the defaults for an empty or broken settings value', () => {
    for (const raw of [{}, null, 'garbage', { notifications: 'nope' }]) {
      expect(channelsFor(raw, 'room_invite')).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.room_invite);
    }
  });

  it('reads the saved choice for the type and fills types never saved with their defaults', () => {
    const raw = { notifications: { room_invite: { inApp: false, push: false, email: true } } };
    expect(channelsFor(raw, 'room_invite')).toEqual({ inApp: false, push: false, email: true });
    expect(channelsFor(raw, 'leaderboard_result')).toEqual(
      DEFAULT_NOTIFICATION_PREFERENCES.leaderboard_result,
    );
  });

  it('falls back to the defaults when a saved entry is malformed', () => {
    const raw = { notifications: { room_invite: { inApp: 'yes' } } };
    expect(channelsFor(raw, 'room_invite')).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.room_invite);
  });
});
