import type { Table } from 'drizzle-orm';
import type * as s from '../schema/index';
import {
  ADS,
  BADGES,
  CAST,
  COMMENTS,
  CREATORS,
  EVENT,
  EXTRA_BADGES,
  DEMO_CLIP,
  FREE_EPISODES,
  FRIENDSHIPS,
  GUILDS,
  REACTION_EMOJIS,
  ROOMS,
  SERIES,
} from './catalog';
import { demoId } from './ids';
import { firstSessionKey, levelForXp, monthStart, watchHourKey, weekStart as mondayOf } from '@wt/schemas';
import { createPrng } from './prng';

/** Some of the room chat's reactions (MESSAGE_REACTIONS in @wt/schemas, which this package does not import). */
const MESSAGE_EMOJI = ['👍', '😂', '🔥', '❤️'] as const;

type Row<T extends Table> = T['$inferInsert'];

/** Every demo row, by table, in an order that satisfies the foreign keys. */
export interface DemoRows {
  users: Row<typeof s.users>[];
  accounts: Row<typeof s.accounts>[];
  friendRequests: Row<typeof s.friendRequests>[];
  guilds: Row<typeof s.guilds>[];
  guildMembers: Row<typeof s.guildMembers>[];
  guildMemberships: Row<typeof s.guildMemberships>[];
  guildInvites: Row<typeof s.guildInvites>[];
  guildJoinRequests: Row<typeof s.guildJoinRequests>[];
  guildMessages: Row<typeof s.guildMessages>[];
  guildEvents: Row<typeof s.guildEvents>[];
  rooms: Row<typeof s.rooms>[];
  roomMembers: Row<typeof s.roomMembers>[];
  roomMessages: Row<typeof s.roomMessages>[];
  roomMessageReactions: Row<typeof s.roomMessageReactions>[];
  roomInvites: Row<typeof s.roomInvites>[];
  watchSessions: Row<typeof s.watchSessions>[];
  events: Row<typeof s.events>[];
  badges: Row<typeof s.badges>[];
  eventTasks: Row<typeof s.eventTasks>[];
  userEventProgress: Row<typeof s.userEventProgress>[];
  userBadges: Row<typeof s.userBadges>[];
  ads: Row<typeof s.ads>[];
  adImpressions: Row<typeof s.adImpressions>[];
  creatorProfiles: Row<typeof s.creatorProfiles>[];
  videoAssets: Row<typeof s.videoAssets>[];
  series: Row<typeof s.series>[];
  seasons: Row<typeof s.seasons>[];
  episodes: Row<typeof s.episodes>[];
  subtitles: Row<typeof s.subtitles>[];
  bundles: Row<typeof s.bundles>[];
  transactions: Row<typeof s.transactions>[];
  seasonAccess: Row<typeof s.seasonAccess>[];
  connectedAccounts: Row<typeof s.connectedAccounts>[];
  payouts: Row<typeof s.payouts>[];
  reactions: Row<typeof s.reactions>[];
  comments: Row<typeof s.comments>[];
  reports: Row<typeof s.reports>[];
  featuredSlots: Row<typeof s.featuredSlots>[];
  notifications: Row<typeof s.notifications>[];
  xpLog: Row<typeof s.xpLog>[];
  leaderboardSnapshots: Row<typeof s.leaderboardSnapshots>[];
  leaderboardResets: Row<typeof s.leaderboardResets>[];
  analyticsEvents: Row<typeof s.analyticsEvents>[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Stripe's card fee (2.9% + 30c), as the payments service will charge it. */
function stripeFeeCents(amountCents: number): number {
  return Math.round(amountCents * 0.029) + 30;
}

function splitRevenue(amountCents: number, creatorShareBps: number) {
  const feeCents = stripeFeeCents(amountCents);
  const net = amountCents - feeCents;
  const creatorShareCents = Math.floor((net * creatorShareBps) / 10_000);
  return { feeCents, creatorShareCents, platformShareCents: net - creatorShareCents };
}

const utcDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Builds the demo platform as plain rows: a pure function of `now` and the password hash, so it is
 * deterministic apart from the dates, which are relative to `now`.
 */
export function buildDemoRows(now: Date, passwordHash: string): DemoRows {
  const t = now.getTime();
  const ago = (ms: number) => new Date(t - ms);
  const rnd = createPrng(20_240_601);

  const userId = (username: string) => demoId(`user:${username}`);
  const rows: DemoRows = {
    users: [],
    accounts: [],
    friendRequests: [],
    guilds: [],
    guildMembers: [],
    guildMemberships: [],
    guildInvites: [],
    guildJoinRequests: [],
    guildMessages: [],
    guildEvents: [],
    rooms: [],
    roomMembers: [],
    roomMessages: [],
    roomMessageReactions: [],
    roomInvites: [],
    watchSessions: [],
    events: [],
    badges: [],
    eventTasks: [],
    userEventProgress: [],
    userBadges: [],
    ads: [],
    adImpressions: [],
    creatorProfiles: [],
    videoAssets: [],
    series: [],
    seasons: [],
    episodes: [],
    subtitles: [],
    bundles: [],
    transactions: [],
    seasonAccess: [],
    connectedAccounts: [],
    payouts: [],
    reactions: [],
    comments: [],
    reports: [],
    featuredSlots: [],
    notifications: [],
    xpLog: [],
    leaderboardSnapshots: [],
    leaderboardResets: [],
    analyticsEvents: [],
  };
  const xp = (
    username: string,
    amount: number,
    reason: Row<typeof s.xpLog>['reason'],
    key: string,
    at: Date,
  ) => {
    rows.xpLog.push({
      id: demoId(`xp:${username}:${key}`),
      userId: userId(username),
      amount,
      reason,
      dedupeKey: key,
      createdAt: at,
      updatedAt: at,
    });
  };
  const joinedAt = new Map(CAST.map((c) => [c.username, ago(c.joinedDaysAgo * DAY)]));

  // Guilds and rooms first: watch sessions point at the rooms their users belong to.
  for (const guild of GUILDS) {
    const id = demoId(`guild:${guild.key}`);
    const owner = guild.members.find(([, role]) => role === 'leader')![0];
    const createdAt = ago(38 * DAY);
    rows.guilds.push({
      id,
      name: guild.name,
      description: guild.description,
      ownerId: userId(owner),
      isPublic: guild.isPublic,
      totalWatchHours: 0,
      createdAt,
      updatedAt: createdAt,
    });
    guild.members.forEach(([username, role], i) => {
      // Two days apart from the guild's start, but never before the person had an account.
      const at = new Date(
        Math.max(createdAt.getTime() + i * 2 * DAY, joinedAt.get(username)!.getTime() + DAY),
      );
      rows.guildMembers.push({
        guildId: id,
        userId: userId(username),
        role,
        joinedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      // The open membership the accrual counts the guild's watch time from.
      rows.guildMemberships.push({
        id: demoId(`guild-membership:${guild.key}:${username}`),
        guildId: id,
        userId: userId(username),
        joinedAt: at,
        leftAt: null,
        leftReason: null,
        createdAt: at,
        updatedAt: at,
      });
    });
    for (const [username, joinedDaysAgo, leftDaysAgo] of guild.pastMembers ?? []) {
      const joined = ago(joinedDaysAgo * DAY);
      const left = ago(leftDaysAgo * DAY);
      rows.guildMemberships.push({
        id: demoId(`guild-membership:${guild.key}:${username}:${joinedDaysAgo}`),
        guildId: id,
        userId: userId(username),
        joinedAt: joined,
        leftAt: left,
        leftReason: 'left',
        createdAt: joined,
        updatedAt: left,
      });
    }
    guild.chat.forEach(([author, content, hoursAgo], i) => {
      const at = ago(hoursAgo * HOUR);
      rows.guildMessages.push({
        id: demoId(`guild-message:${guild.key}:${i}`),
        guildId: id,
        userId: userId(author),
        content,
        createdAt: at,
        updatedAt: at,
      });
    });
    for (const challenge of guild.challenges) {
      const startsAt = new Date(t + challenge.startsInDays * DAY);
      const createdAt = new Date(Math.min(startsAt.getTime(), t) - DAY);
      rows.guildEvents.push({
        id: demoId(`guild-event:${guild.key}:${challenge.key}`),
        guildId: id,
        createdBy: userId(challenge.createdBy),
        title: challenge.title,
        description: challenge.description,
        startsAt,
        endsAt: new Date(t + challenge.endsInDays * DAY),
        goalHours: challenge.goalHours,
        createdAt,
        updatedAt: createdAt,
      });
    }
    const from = (username: string) => {
      const person = CAST.find((c) => c.username === username)!;
      return { fromUserId: userId(username), fromUsername: username, fromName: person.displayName };
    };
    for (const [username, invitedBy, hoursAgo] of guild.invites ?? []) {
      const at = ago(hoursAgo * HOUR);
      rows.guildInvites.push({
        guildId: id,
        userId: userId(username),
        invitedBy: userId(invitedBy),
        createdAt: at,
        updatedAt: at,
      });
      rows.notifications.push({
        id: demoId(`notification:${username}:guild-invite:${guild.key}`),
        userId: userId(username),
        type: 'guild_invite',
        payload: { guildId: id, guildName: guild.name, ...from(invitedBy), kind: 'invite' },
        createdAt: at,
        updatedAt: at,
      });
    }
    for (const [username, message, hoursAgo] of guild.joinRequests ?? []) {
      const at = ago(hoursAgo * HOUR);
      rows.guildJoinRequests.push({
        guildId: id,
        userId: userId(username),
        message,
        createdAt: at,
        updatedAt: at,
      });
      // The leader and officers hear of it.
      for (const [reviewer] of guild.members.filter(([, role]) => role !== 'member')) {
        rows.notifications.push({
          id: demoId(`notification:${reviewer}:guild-request:${guild.key}:${username}`),
          userId: userId(reviewer),
          type: 'guild_invite',
          payload: { guildId: id, guildName: guild.name, ...from(username), kind: 'request' },
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }

  const roomsOf = new Map<string, { id: string; createdDaysAgo: number }[]>();
  for (const room of ROOMS) {
    const id = demoId(`room:${room.key}`);
    const createdAt = ago(room.createdDaysAgo * DAY);
    const openedAt = ago(room.openedHoursAgo * HOUR);
    rows.rooms.push({
      id,
      name: room.name,
      leaderId: userId(room.leader),
      platform: room.platform,
      contentUrl: room.contentUrl,
      visibility: room.visibility,
      micEnabled: room.micEnabled,
      maxMembers: room.maxMembers,
      isActive: room.isActive,
      guildId: room.guild ? demoId(`guild:${room.guild}`) : null,
      createdAt,
      updatedAt: openedAt,
    });
    room.members.forEach(([username, role, left], i) => {
      const joined = new Date(openedAt.getTime() + i * 3 * MINUTE);
      rows.roomMembers.push({
        roomId: id,
        userId: userId(username),
        role,
        joinedAt: joined,
        // Presence in a room is a live connection, which a seed cannot make: everybody has left (those
        // marked `left` early), and the rooms stay open (empty_since unset) for visitors to walk into.
        leftAt: new Date(openedAt.getTime() + (left ? 1 : 2) * HOUR),
        createdAt: joined,
        updatedAt: joined,
      });
      roomsOf.set(username, [...(roomsOf.get(username) ?? []), { id, createdDaysAgo: room.createdDaysAgo }]);
    });
    const step = Math.floor((room.openedHoursAgo * HOUR) / (room.messages.length + 1));
    room.messages.forEach(([author, content, replyTo], i) => {
      const at = new Date(openedAt.getTime() + (i + 1) * Math.min(step, 6 * MINUTE));
      rows.roomMessages.push({
        id: demoId(`room-message:${room.key}:${i}`),
        roomId: id,
        userId: author ? userId(author) : null,
        kind: author ? 'user' : 'system',
        content,
        replyToId: replyTo === undefined ? null : demoId(`room-message:${room.key}:${replyTo}`),
        createdAt: at,
        updatedAt: at,
      });
    });
    // A few emoji on the chat, from the room's people, so the reactions read as used.
    const userMessages = rows.roomMessages.filter((m) => m.roomId === id && m.kind === 'user');
    userMessages.forEach((message, i) => {
      if (i % 3 !== 0) return;
      room.members.forEach(([username], k) => {
        if (userId(username) === message.userId || (i + k) % 2 !== 0) return;
        rows.roomMessageReactions.push({
          messageId: message.id!,
          userId: userId(username),
          emoji: MESSAGE_EMOJI[(i + k) % MESSAGE_EMOJI.length]!,
          createdAt: message.createdAt,
          updatedAt: message.createdAt,
        });
      });
    });
    if (room.invite) {
      const [code, maxUses, expiresInDays, uses] = room.invite;
      rows.roomInvites.push({
        id: demoId(`room-invite:${room.key}`),
        code,
        roomId: id,
        createdBy: userId(room.leader),
        maxUses,
        uses,
        expiresAt: new Date(t + expiresInDays * DAY),
        createdAt: openedAt,
        updatedAt: openedAt,
      });
    }
  }

  // Watch sessions over the last six weeks, and the XP they earned (seed 000 XP table).
  const watchSecsByUser = new Map<string, { start: Date; secs: number }[]>();
  const lastSeen = new Map<string, Date>();
  for (const member of CAST) {
    const days = new Set<number>();
    const maxDay = Math.min(42, member.joinedDaysAgo - 1);
    while (days.size < Math.min(member.sessions, maxDay)) days.add(rnd.int(1, maxDay));
    const perDay = new Map<string, { first: Date; last: Date; secs: number }>();
    for (const day of [...days].sort((a, b) => b - a)) {
      const start = ago(day * DAY - rnd.int(0, 6 * 60) * MINUTE);
      const secs = rnd.int(25, 190) * 60;
      const candidates = (roomsOf.get(member.username) ?? []).filter((r) => r.createdDaysAgo > day);
      const room = candidates.length > 0 ? rnd.pick(candidates) : null;
      const end = new Date(start.getTime() + secs * 1000);
      rows.watchSessions.push({
        id: demoId(`watch-session:${member.username}:${day}`),
        userId: userId(member.username),
        roomId: room?.id ?? null,
        startedAt: start,
        endedAt: end,
        durationSecs: secs,
        createdAt: start,
        updatedAt: end,
      });
      watchSecsByUser.set(member.username, [
        ...(watchSecsByUser.get(member.username) ?? []),
        { start, secs },
      ]);
      const date = utcDate(start);
      const entry = perDay.get(date);
      if (entry) {
        entry.secs += secs;
        entry.last = end;
      } else perDay.set(date, { first: start, last: end, secs });
      lastSeen.set(member.username, end);
    }
    const chatDays: string[] = [];
    for (const [date, day] of perDay) {
      xp(member.username, 50, 'login', `login:${date}`, new Date(day.first.getTime() - 5 * MINUTE));
      xp(member.username, 25, 'watch', firstSessionKey(day.first), day.first);
      const hours = Math.min(5, Math.floor(day.secs / 3600));
      for (let h = 1; h <= hours; h++)
        xp(member.username, 100, 'watch', watchHourKey(day.first, h)!, day.last);
      chatDays.push(date);
    }
    // "Send 10 chat messages: +15 XP, max 3 per day".
    for (let i = 0; i < Math.min(member.chatAwards ?? 0, chatDays.length * 3); i++) {
      const date = chatDays[Math.floor(i / 3)]!;
      xp(member.username, 15, 'chat', `chat:${date}:${(i % 3) + 1}`, perDay.get(date)!.last);
    }
  }

  // Watching right up to now, so this week's board is alive on any day of the week (from a few minutes
  // after Monday 00:00 UTC): a session inside this week, ended within the last few hours, for most of
  // the cast. Their XP is the accrual job's to award.
  const minutesThisWeek = Math.floor((t - mondayOf(now).getTime()) / MINUTE);
  for (const member of CAST.slice(0, 14)) {
    const room = (roomsOf.get(member.username) ?? [])[0];
    if (!room) continue;
    const endedMinutesAgo = rnd.int(1, Math.max(1, Math.min(240, Math.floor(minutesThisWeek / 2))));
    const secs = Math.max(1, Math.min(rnd.int(20, 170), minutesThisWeek - endedMinutesAgo)) * 60;
    const end = ago(endedMinutesAgo * MINUTE);
    const start = new Date(end.getTime() - secs * 1000);
    rows.watchSessions.push({
      id: demoId(`watch-session:${member.username}:recent`),
      userId: userId(member.username),
      roomId: room.id,
      startedAt: start,
      endedAt: end,
      durationSecs: secs,
      createdAt: start,
      updatedAt: end,
    });
    watchSecsByUser.set(member.username, [...(watchSecsByUser.get(member.username) ?? []), { start, secs }]);
    lastSeen.set(member.username, end);
  }

  // Friends: "+25 XP for both users" on every accepted request.
  const friendPairs = [
    ...FRIENDSHIPS.accepted.map((p) => [...p, 'accepted'] as const),
    ...FRIENDSHIPS.pending.map((p) => [...p, 'pending'] as const),
    ...FRIENDSHIPS.rejected.map((p) => [...p, 'rejected'] as const),
  ];
  for (const [from, to, status] of friendPairs) {
    const youngest = Math.min(
      CAST.find((c) => c.username === from)!.joinedDaysAgo,
      CAST.find((c) => c.username === to)!.joinedDaysAgo,
    );
    const sentAt = ago(rnd.int(2, youngest - 1) * DAY);
    const answeredAt = status === 'pending' ? sentAt : new Date(sentAt.getTime() + rnd.int(1, 20) * HOUR);
    rows.friendRequests.push({
      fromUserId: userId(from),
      toUserId: userId(to),
      status,
      createdAt: sentAt,
      updatedAt: answeredAt,
    });
    if (status === 'accepted') {
      xp(from, 25, 'friend', `friend:${userId(to)}`, answeredAt);
      xp(to, 25, 'friend', `friend:${userId(from)}`, answeredAt);
    }
  }

  // The active event, its tasks and badges.
  const eventId = demoId(`event:${EVENT.key}`);
  const eventStart = ago(EVENT.startedDaysAgo * DAY);
  rows.events.push({
    id: eventId,
    title: EVENT.title,
    description: EVENT.description,
    startsAt: eventStart,
    endsAt: new Date(t + EVENT.endsInDays * DAY),
    createdAt: ago(10 * DAY),
    updatedAt: ago(10 * DAY),
  });
  for (const badge of BADGES) {
    rows.badges.push({
      id: demoId(`badge:${badge.key}`),
      name: badge.name,
      description: badge.description,
      imageUrl: null,
      rarity: badge.rarity,
      eventId: badge.event ? demoId(`event:${badge.event}`) : null,
      createdAt: ago(10 * DAY),
      updatedAt: ago(10 * DAY),
    });
  }
  for (const task of EVENT.tasks) {
    rows.eventTasks.push({
      id: demoId(`event-task:${task.key}`),
      eventId,
      title: task.title,
      description: task.description,
      xpReward: task.xpReward,
      badgeId: demoId(`badge:${task.badge}`),
      criteria: task.criteria,
      createdAt: ago(10 * DAY),
      updatedAt: ago(10 * DAY),
    });
  }
  for (const [username, taskKey, progress, completed] of EVENT.progress) {
    const task = EVENT.tasks.find((tk) => tk.key === taskKey)!;
    const completedAt = completed ? new Date(eventStart.getTime() + rnd.int(6, 60) * HOUR) : null;
    const updatedAt = completedAt ?? ago(rnd.int(1, 20) * HOUR);
    rows.userEventProgress.push({
      userId: userId(username),
      taskId: demoId(`event-task:${taskKey}`),
      progress,
      completedAt,
      createdAt: eventStart,
      updatedAt,
    });
    if (completedAt) {
      xp(username, task.xpReward, 'event', `task:${demoId(`event-task:${taskKey}`)}`, completedAt);
      rows.userBadges.push({
        userId: userId(username),
        badgeId: demoId(`badge:${task.badge}`),
        earnedAt: completedAt,
        isDisplayed: username === 'demo' || task.badge === 'frostbite-legend',
        createdAt: completedAt,
        updatedAt: completedAt,
      });
    }
  }
  for (const [username, badge, displayed] of EXTRA_BADGES) {
    const at = new Date(joinedAt.get(username)!.getTime() + DAY);
    rows.userBadges.push({
      userId: userId(username),
      badgeId: demoId(`badge:${badge}`),
      earnedAt: at,
      isDisplayed: displayed,
      createdAt: at,
      updatedAt: at,
    });
  }

  // Ads bought by Brewline; "watch ad (80%+): +30 XP, once per ad".
  for (const ad of ADS) {
    const id = demoId(`ad:${ad.key}`);
    const createdAt = ago(20 * DAY);
    rows.ads.push({
      id,
      advertiserId: userId('brewline'),
      title: ad.title,
      videoUrl: ad.videoUrl,
      xpReward: ad.xpReward,
      rewardTitle: ad.rewardTitle,
      status: ad.status,
      impressions: ad.impressions.length,
      impressionGoal: ad.impressionGoal,
      paidAmountCents: ad.paidAmountCents,
      createdAt,
      updatedAt: createdAt,
    });
    const split = splitRevenue(ad.paidAmountCents, 0);
    rows.transactions.push({
      id: demoId(`transaction:ad:${ad.key}`),
      userId: userId('brewline'),
      kind: 'ad_purchase',
      amountCents: ad.paidAmountCents,
      ...split,
      status: 'succeeded',
      stripeCheckoutSessionId: `cs_demo_ad_${ad.key}`,
      adId: id,
      createdAt,
      updatedAt: createdAt,
    });
    for (const [username, watchedPct] of ad.impressions) {
      const at = ago(rnd.int(1, 15) * DAY);
      const rewarded = watchedPct >= 80;
      rows.adImpressions.push({
        adId: id,
        userId: userId(username),
        watchedPct,
        rewarded,
        createdAt: at,
        updatedAt: at,
      });
      if (rewarded) xp(username, ad.xpReward, 'ad_watch', `ad:${id}`, at);
    }
  }

  // Shorts: creators, series, seasons, episodes and their assets.
  const creatorId = (username: string) => demoId(`creator:${username}`);
  for (const creator of CREATORS) {
    const appliedAt = new Date(joinedAt.get(creator.username)!.getTime() + 2 * DAY);
    const reviewed = creator.status !== 'applied';
    rows.creatorProfiles.push({
      id: creatorId(creator.username),
      userId: userId(creator.username),
      status: creator.status,
      slug: creator.slug,
      displayName: creator.displayName,
      bio: creator.bio,
      reviewedBy: reviewed ? userId('admin') : null,
      reviewedAt: reviewed ? new Date(appliedAt.getTime() + DAY) : null,
      createdAt: appliedAt,
      updatedAt: appliedAt,
    });
  }
  const episodeIds = new Map<string, { id: string; durationMs: number }>();
  for (const show of SERIES) {
    const seriesId = demoId(`series:${show.key}`);
    const publishedAt = ago(show.publishedDaysAgo * DAY);
    rows.series.push({
      id: seriesId,
      creatorId: creatorId(show.creator),
      slug: show.key,
      title: show.title,
      description: show.description,
      genre: show.genre,
      status: 'published',
      freeEpisodes: FREE_EPISODES,
      publishedAt,
      createdAt: new Date(publishedAt.getTime() - 5 * DAY),
      updatedAt: publishedAt,
    });
    show.seasons.forEach((season, si) => {
      const seasonId = demoId(`season:${show.key}:${si + 1}`);
      const seasonPublishedAt = new Date(publishedAt.getTime() + si * 14 * DAY);
      rows.seasons.push({
        id: seasonId,
        seriesId,
        number: si + 1,
        title: season.title,
        priceCents: season.priceCents,
        createdAt: seasonPublishedAt,
        updatedAt: seasonPublishedAt,
      });
      season.episodes.forEach((title, ei) => {
        const key = `${show.key}:${si + 1}:${ei + 1}`;
        const published = ei < season.episodes.length - (season.unpublished ?? 0);
        const uploaded = published || ei === season.episodes.length - (season.unpublished ?? 0);
        const durationMs = DEMO_CLIP.durationMs;
        const assetId = demoVideoAssetId(key);
        if (uploaded) {
          rows.videoAssets.push({
            id: assetId,
            provider: 'local',
            status: 'ready',
            uploadedBy: userId(show.creator),
            // The API copies one of its generated demo clips here on start (modules/shorts/demo-media.ts);
            // the clip plays as it is (progressive MP4), with or without ffmpeg on the machine.
            storageKey: `videos/${assetId}/original.mp4`,
            progressive: true,
            container: 'mp4',
            width: DEMO_CLIP.width,
            height: DEMO_CLIP.height,
            durationMs,
            createdAt: seasonPublishedAt,
            updatedAt: seasonPublishedAt,
          });
        }
        const id = demoId(`episode:${key}`);
        episodeIds.set(`${show.key}:${si + 1}:${ei + 1}`, { id, durationMs });
        rows.episodes.push({
          id,
          seasonId,
          number: ei + 1,
          title,
          description: `${show.title}, season ${si + 1}, episode ${ei + 1}.`,
          status: published ? 'published' : uploaded ? 'ready' : 'draft',
          durationMs: uploaded ? durationMs : null,
          videoAssetId: uploaded ? assetId : null,
          publishedAt: published ? seasonPublishedAt : null,
          createdAt: seasonPublishedAt,
          updatedAt: seasonPublishedAt,
        });
      });
    });
  }
  const pilot = episodeIds.get('midnight-diner-confessions:1:1')!;
  rows.subtitles.push(
    {
      id: demoId('subtitle:midnight-diner-confessions:1:1:en'),
      episodeId: pilot.id,
      language: 'en',
      format: 'vtt',
      storageKey: 'demo/midnight-diner-confessions/s1e1.en.vtt',
      source: 'upload',
    },
    {
      id: demoId('subtitle:midnight-diner-confessions:1:1:es'),
      episodeId: pilot.id,
      language: 'es',
      format: 'vtt',
      storageKey: 'demo/midnight-diner-confessions/s1e1.es.vtt',
      source: 'ai',
    },
  );
  rows.bundles.push({
    id: demoId('bundle:midnight-diner-confessions'),
    seriesId: demoId('series:midnight-diner-confessions'),
    title: 'Midnight Diner Confessions: every season',
    priceCents: 599,
  });

  // Purchases: a season unlock, a bundle and a promo grant; then Maya's first payout.
  const purchase = (
    key: string,
    username: string,
    creator: string,
    amountCents: number,
    daysAgo: number,
    target: { seasonId: string } | { bundleId: string },
  ) => {
    const at = ago(daysAgo * DAY);
    const id = demoId(`transaction:${key}`);
    rows.transactions.push({
      id,
      userId: userId(username),
      kind: 'seasonId' in target ? 'season_unlock' : 'bundle_unlock',
      amountCents,
      ...splitRevenue(amountCents, 7000),
      status: 'succeeded',
      stripeCheckoutSessionId: `cs_demo_${key}`,
      stripePaymentIntentId: `pi_demo_${key}`,
      seasonId: 'seasonId' in target ? target.seasonId : null,
      bundleId: 'bundleId' in target ? target.bundleId : null,
      creatorId: creatorId(creator),
      createdAt: at,
      updatedAt: at,
    });
    return { id, at };
  };
  const access = (
    username: string,
    seasonId: string,
    grantedVia: 'purchase' | 'bundle' | 'promo',
    tx: { id: string; at: Date } | null,
  ) => {
    const at = tx?.at ?? ago(4 * DAY);
    rows.seasonAccess.push({
      id: demoId(`season-access:${username}:${seasonId}`),
      userId: userId(username),
      seasonId,
      grantedVia,
      transactionId: tx?.id ?? null,
      createdAt: at,
      updatedAt: at,
    });
  };
  const diner1 = demoId('season:midnight-diner-confessions:1');
  const diner2 = demoId('season:midnight-diner-confessions:2');
  const courier1 = demoId('season:the-last-courier:1');
  const demoBuy = purchase('demo-diner-s1', 'demo', 'maya', 299, 6, { seasonId: diner1 });
  access('demo', diner1, 'purchase', demoBuy);
  const priyaBundle = purchase('priya-diner-bundle', 'priya', 'maya', 599, 8, {
    bundleId: demoId('bundle:midnight-diner-confessions'),
  });
  access('priya', diner1, 'bundle', priyaBundle);
  access('priya', diner2, 'bundle', priyaBundle);
  access(
    'alex',
    courier1,
    'purchase',
    purchase('alex-courier-s1', 'alex', 'kai', 499, 5, { seasonId: courier1 }),
  );
  access('zoe', courier1, 'promo', null);

  rows.connectedAccounts.push(
    {
      id: demoId('connected-account:maya'),
      creatorId: creatorId('maya'),
      stripeAccountId: 'acct_demo_maya',
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
    },
    {
      id: demoId('connected-account:kai'),
      creatorId: creatorId('kai'),
      stripeAccountId: 'acct_demo_kai',
      detailsSubmitted: true,
    },
  );
  const mayaEarned = rows.transactions
    .filter((tx) => tx.creatorId === creatorId('maya'))
    .reduce((sum, tx) => sum + (tx.creatorShareCents ?? 0), 0);
  rows.payouts.push({
    id: demoId('payout:maya:1'),
    creatorId: creatorId('maya'),
    amountCents: mayaEarned,
    status: 'paid',
    stripeTransferId: 'tr_demo_maya_1',
    paidAt: ago(2 * DAY),
    createdAt: ago(3 * DAY),
    updatedAt: ago(2 * DAY),
  });

  // Reactions replayed on the free episodes, and timestamped comments.
  const viewers = ['demo', 'alex', 'priya', 'jordan', 'zoe', 'omar', 'sam', 'lena'];
  for (const show of SERIES) {
    for (let ep = 1; ep <= FREE_EPISODES; ep++) {
      const episode = episodeIds.get(`${show.key}:1:${ep}`)!;
      const count = rnd.int(8, 14);
      for (let i = 0; i < count; i++) {
        const at = ago(rnd.int(1, show.publishedDaysAgo - 1) * DAY + rnd.int(0, 600) * MINUTE);
        rows.reactions.push({
          id: demoId(`reaction:${show.key}:${ep}:${i}`),
          episodeId: episode.id,
          userId: userId(rnd.pick(viewers)),
          emoji: rnd.pick(REACTION_EMOJIS),
          timestampMs: rnd.int(0, episode.durationMs - 1),
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }
  COMMENTS.forEach((comment, i) => {
    const at = ago((COMMENTS.length - i) * 7 * HOUR);
    rows.comments.push({
      id: demoId(`comment:${i}`),
      episodeId: episodeIds.get(`${comment.series}:1:${comment.episode}`)!.id,
      userId: userId(comment.user),
      body: comment.body,
      timestampMs: comment.timestampMs,
      parentId: comment.replyTo === undefined ? null : demoId(`comment:${comment.replyTo}`),
      createdAt: at,
      updatedAt: at,
    });
  });
  rows.reports.push(
    {
      id: demoId('report:spoiler'),
      reporterId: userId('sam'),
      targetType: 'comment',
      targetId: demoId('comment:4'),
      reason: 'spoiler',
      details: 'Gives away the ending of season 1.',
      createdAt: ago(5 * HOUR),
      updatedAt: ago(5 * HOUR),
    },
    {
      id: demoId('report:room-spam'),
      reporterId: userId('lena'),
      targetType: 'room',
      targetId: demoId('room:classic-cinema'),
      reason: 'spam',
      status: 'dismissed',
      resolvedBy: userId('admin'),
      resolvedAt: ago(2 * DAY),
      createdAt: ago(3 * DAY),
      updatedAt: ago(2 * DAY),
    },
  );
  SERIES.forEach((show, i) => {
    rows.featuredSlots.push({
      id: demoId(`featured:${show.key}`),
      position: i + 1,
      seriesId: demoId(`series:${show.key}`),
      startsAt: ago(7 * DAY),
      createdBy: userId('admin'),
      createdAt: ago(7 * DAY),
      updatedAt: ago(7 * DAY),
    });
  });

  rows.notifications.push(
    {
      id: demoId('notification:demo:friend-request'),
      userId: userId('demo'),
      type: 'friend_request',
      payload: { fromUserId: userId('sam'), fromUsername: 'sam', fromName: 'Sam Taylor' },
      createdAt: ago(9 * HOUR),
      updatedAt: ago(9 * HOUR),
    },
    {
      id: demoId('notification:demo:room-invite'),
      userId: userId('demo'),
      type: 'room_invite',
      payload: {
        roomId: demoId('room:design-crit'),
        roomName: 'Design Crit: Shorts Cuts',
        fromUserId: userId('maya'),
        fromName: 'Maya Chen',
        code: 'crit7q2m',
      },
      createdAt: ago(3 * HOUR),
      updatedAt: ago(3 * HOUR),
    },
    {
      id: demoId('notification:demo:badge'),
      userId: userId('demo'),
      type: 'level_up',
      payload: { level: 5 },
      readAt: ago(DAY),
      createdAt: ago(2 * DAY),
      updatedAt: ago(DAY),
    },
  );

  // Funnel analytics for the creators' dashboards (views > starts > completes > paywall > signup > purchase).
  const sources = [
    { utmSource: 'tiktok', utmMedium: 'paid_social', utmCampaign: 'launch' },
    { utmSource: 'instagram', utmMedium: 'social', utmCampaign: 'reels' },
    { utmSource: null, utmMedium: null, utmCampaign: null },
  ];
  for (const show of SERIES) {
    const seriesId = demoId(`series:${show.key}`);
    for (let visitor = 0; visitor < 40; visitor++) {
      const source = rnd.pick(sources);
      const anonymousId = `anon-${show.key}-${visitor}`;
      let at = ago(rnd.int(1, Math.min(20, show.publishedDaysAgo - 1)) * DAY + rnd.int(0, 600) * MINUTE);
      const funnel = [
        'series_view',
        'episode_start',
        'episode_complete',
        'paywall_hit',
        'signup_complete',
        'purchase_complete',
      ];
      // Chance of going on to each next step: start, complete, hit the paywall, sign up, buy.
      const goOn = [0.7, 0.7, 0.65, 0.5, 0.6];
      let depth = 1;
      while (depth < funnel.length && rnd.next() < goOn[depth - 1]!) depth += 1;
      funnel.slice(0, depth).forEach((eventType, step) => {
        at = new Date(at.getTime() + rnd.int(1, 8) * MINUTE);
        rows.analyticsEvents.push({
          id: demoId(`analytics:${show.key}:${visitor}:${step}`),
          occurredAt: at,
          eventType,
          anonymousId,
          sessionId: `visit-${show.key}-${visitor}`,
          seriesId,
          episodeId: step > 0 && step < 3 ? episodeIds.get(`${show.key}:1:1`)!.id : null,
          creatorId: creatorId(show.creator),
          ...source,
          referrer: source.utmSource ? `https://www.${source.utmSource}.com/` : null,
          properties: {},
          createdAt: at,
          updatedAt: at,
        });
      });
    }
  }

  // Users last: their XP and level follow from the log above.
  const xpByUser = new Map<string, number>();
  for (const entry of rows.xpLog)
    xpByUser.set(entry.userId, (xpByUser.get(entry.userId) ?? 0) + entry.amount);
  rows.users = CAST.map((member) => {
    const id = userId(member.username);
    const total = xpByUser.get(id) ?? 0;
    const created = joinedAt.get(member.username)!;
    return {
      id,
      username: member.username,
      displayName: member.displayName,
      email: `${member.username}@watchtogether.local`,
      bio: member.bio,
      // Shipped with the API (apps/api/src/infra/storage/demo-avatars), served at /api/media/demo/.
      avatarUrl: `/api/media/demo/${member.username}.svg`,
      level: levelForXp(total),
      xp: total,
      isPremium: member.premiumDays !== undefined,
      premiumUntil: member.premiumDays !== undefined ? new Date(t + member.premiumDays * DAY) : null,
      isVerified: member.isVerified ?? false,
      emailVerified: true,
      role: member.role,
      lastLoginAt: lastSeen.get(member.username) ?? created,
      createdAt: created,
      updatedAt: created,
    };
  });
  // Credential accounts as Better Auth stores them: provider 'credential', account_id = user id.
  rows.accounts = rows.users.map((user) => ({
    id: demoId(`account:${user.username}`),
    userId: user.id!,
    accountId: user.id!,
    providerId: 'credential',
    password: passwordHash,
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
  }));

  // Watch hours inside [from, to), each session clipped to the window as the accrual clips it (a
  // person's demo sessions never overlap). A guild counts what its members watched while they were
  // members (issue 8): every membership, past ones included, clipped to its joined_at..left_at span.
  const hoursIn = (username: string, from: number, to: number) =>
    (watchSecsByUser.get(username) ?? []).reduce((sum, w) => {
      const start = w.start.getTime();
      return sum + Math.max(0, Math.min(start + w.secs * 1000, to) - Math.max(start, from));
    }, 0) / HOUR;
  const usernameOf = new Map(CAST.map((c) => [userId(c.username), c.username]));
  const guildHoursIn = (guildId: string, from: number, to: number) =>
    rows.guildMemberships
      .filter((m) => m.guildId === guildId)
      .reduce(
        (sum, m) =>
          sum +
          hoursIn(
            usernameOf.get(m.userId)!,
            Math.max(from, m.joinedAt.getTime()),
            Math.min(to, m.leftAt?.getTime() ?? t),
          ),
        0,
      );
  for (const guild of rows.guilds) {
    guild.totalWatchHours = Math.round(guildHoursIn(guild.id!, 0, t) * 100) / 100;
  }
  // The last four finished weeks' boards, as the weekly reset writes them (snapshot_at = the week's
  // Monday), and a reset marker for every finished week and month the reset job looks back on, so the
  // platform's first start does not close them again. The current week, month and all time are
  // computed from the sessions by the accrual job when the platform starts.
  const thisMonday = mondayOf(now).getTime();
  const board = (
    type: 'individual' | 'guild',
    snapshotAt: Date,
    entries: { entityId: string; hours: number; name: string }[],
  ) => {
    entries
      .filter((e) => e.hours > 0)
      .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name))
      .forEach((e, i) => {
        rows.leaderboardSnapshots.push({
          id: demoId(`leaderboard:${type}:weekly:${snapshotAt.toISOString()}:${e.entityId}`),
          type,
          period: 'weekly',
          rank: i + 1,
          entityId: e.entityId,
          watchHours: Math.round(e.hours * 100) / 100,
          snapshotAt,
          createdAt: snapshotAt,
          updatedAt: snapshotAt,
        });
      });
  };
  for (let week = 1; week <= 4; week++) {
    const weekStart = thisMonday - week * 7 * DAY;
    const weekEnd = weekStart + 7 * DAY;
    const snapshotAt = new Date(weekStart);
    board(
      'individual',
      snapshotAt,
      CAST.map((c) => ({
        entityId: userId(c.username),
        name: c.username,
        hours: hoursIn(c.username, weekStart, weekEnd),
      })),
    );
    board(
      'guild',
      snapshotAt,
      rows.guilds.map((g) => ({
        entityId: g.id!,
        name: g.name,
        hours: guildHoursIn(g.id!, weekStart, weekEnd),
      })),
    );
  }
  for (let week = 1; week <= 8; week++) {
    const periodStart = new Date(thisMonday - week * 7 * DAY);
    rows.leaderboardResets.push({
      period: 'weekly',
      periodStart,
      createdAt: new Date(periodStart.getTime() + 7 * DAY),
      updatedAt: now,
    });
  }
  for (let month = 1; month <= 3; month++) {
    const first = monthStart(now);
    const periodStart = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - month, 1));
    rows.leaderboardResets.push({ period: 'monthly', periodStart, createdAt: now, updatedAt: now });
  }

  return rows;
}

/** The id of a demo episode's video asset, by `<series key>:<season>:<episode>`. */
const demoVideoAssetId = (key: string) => demoId(`video-asset:${key}`);

/** Every video asset the demo creates (the API fills their files with its demo clips). */
export function demoVideoAssetIds(): string[] {
  return SERIES.flatMap((show) =>
    show.seasons.flatMap((season, si) =>
      season.episodes.map((_, ei) => demoVideoAssetId(`${show.key}:${si + 1}:${ei + 1}`)),
    ),
  );
}
