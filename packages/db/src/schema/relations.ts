import { relations } from 'drizzle-orm';
import { adImpressions, ads } from './ads';
import { accounts, refreshTokens, sessions, twoFactors } from './auth';
import { episodes, seasons, series, subtitles, videoAssets } from './content';
import { creatorProfiles } from './creators';
import { featuredSlots } from './curation';
import { comments, reactions } from './engagement';
import { badges, eventTasks, events, userBadges, userEventProgress } from './events';
import { friendRequests } from './friends';
import { xpLog } from './gamification';
import { guildMembers, guilds } from './guilds';
import { notifications } from './notifications';
import { bundles, connectedAccounts, payouts, seasonAccess, transactions } from './payments';
import { roomBans, roomInvites, roomMembers, roomMessages, rooms, watchSessions } from './rooms';
import { users } from './users';

/* Relations for Drizzle's relational queries (db.query.*). They add no SQL; foreign keys live on the tables. */

export const usersRelations = relations(users, ({ one, many }) => ({
  sessions: many(sessions),
  accounts: many(accounts),
  twoFactor: one(twoFactors),
  sentFriendRequests: many(friendRequests, { relationName: 'friendRequestFrom' }),
  receivedFriendRequests: many(friendRequests, { relationName: 'friendRequestTo' }),
  guildMemberships: many(guildMembers),
  ownedGuilds: many(guilds),
  ledRooms: many(rooms),
  roomMemberships: many(roomMembers),
  watchSessions: many(watchSessions),
  xpLog: many(xpLog),
  badges: many(userBadges),
  eventProgress: many(userEventProgress),
  creatorProfile: one(creatorProfiles, {
    fields: [users.id],
    references: [creatorProfiles.userId],
    relationName: 'creatorProfileUser',
  }),
  notifications: many(notifications),
  seasonAccess: many(seasonAccess),
}));

export const sessionsRelations = relations(sessions, ({ one, many }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
  refreshTokens: many(refreshTokens),
}));

export const accountsRelations = relations(accounts, ({ one }) => ({
  user: one(users, { fields: [accounts.userId], references: [users.id] }),
}));

export const twoFactorsRelations = relations(twoFactors, ({ one }) => ({
  user: one(users, { fields: [twoFactors.userId], references: [users.id] }),
}));

export const refreshTokensRelations = relations(refreshTokens, ({ one }) => ({
  session: one(sessions, { fields: [refreshTokens.sessionId], references: [sessions.id] }),
}));

export const friendRequestsRelations = relations(friendRequests, ({ one }) => ({
  from: one(users, {
    fields: [friendRequests.fromUserId],
    references: [users.id],
    relationName: 'friendRequestFrom',
  }),
  to: one(users, {
    fields: [friendRequests.toUserId],
    references: [users.id],
    relationName: 'friendRequestTo',
  }),
}));

export const guildsRelations = relations(guilds, ({ one, many }) => ({
  owner: one(users, { fields: [guilds.ownerId], references: [users.id] }),
  members: many(guildMembers),
  rooms: many(rooms),
}));

export const guildMembersRelations = relations(guildMembers, ({ one }) => ({
  guild: one(guilds, { fields: [guildMembers.guildId], references: [guilds.id] }),
  user: one(users, { fields: [guildMembers.userId], references: [users.id] }),
}));

export const roomsRelations = relations(rooms, ({ one, many }) => ({
  leader: one(users, { fields: [rooms.leaderId], references: [users.id] }),
  guild: one(guilds, { fields: [rooms.guildId], references: [guilds.id] }),
  members: many(roomMembers),
  messages: many(roomMessages),
  invites: many(roomInvites),
  bans: many(roomBans),
  watchSessions: many(watchSessions),
}));

export const roomMembersRelations = relations(roomMembers, ({ one }) => ({
  room: one(rooms, { fields: [roomMembers.roomId], references: [rooms.id] }),
  user: one(users, { fields: [roomMembers.userId], references: [users.id] }),
}));

export const roomMessagesRelations = relations(roomMessages, ({ one }) => ({
  room: one(rooms, { fields: [roomMessages.roomId], references: [rooms.id] }),
  user: one(users, { fields: [roomMessages.userId], references: [users.id] }),
  replyTo: one(roomMessages, { fields: [roomMessages.replyToId], references: [roomMessages.id] }),
}));

export const roomInvitesRelations = relations(roomInvites, ({ one }) => ({
  room: one(rooms, { fields: [roomInvites.roomId], references: [rooms.id] }),
  creator: one(users, { fields: [roomInvites.createdBy], references: [users.id] }),
}));

export const roomBansRelations = relations(roomBans, ({ one }) => ({
  room: one(rooms, { fields: [roomBans.roomId], references: [rooms.id] }),
  user: one(users, { fields: [roomBans.userId], references: [users.id] }),
}));

export const watchSessionsRelations = relations(watchSessions, ({ one }) => ({
  user: one(users, { fields: [watchSessions.userId], references: [users.id] }),
  room: one(rooms, { fields: [watchSessions.roomId], references: [rooms.id] }),
}));

export const xpLogRelations = relations(xpLog, ({ one }) => ({
  user: one(users, { fields: [xpLog.userId], references: [users.id] }),
}));

export const eventsRelations = relations(events, ({ many }) => ({
  tasks: many(eventTasks),
  badges: many(badges),
}));

export const eventTasksRelations = relations(eventTasks, ({ one, many }) => ({
  event: one(events, { fields: [eventTasks.eventId], references: [events.id] }),
  badge: one(badges, { fields: [eventTasks.badgeId], references: [badges.id] }),
  progress: many(userEventProgress),
}));

export const userEventProgressRelations = relations(userEventProgress, ({ one }) => ({
  user: one(users, { fields: [userEventProgress.userId], references: [users.id] }),
  task: one(eventTasks, { fields: [userEventProgress.taskId], references: [eventTasks.id] }),
}));

export const badgesRelations = relations(badges, ({ one, many }) => ({
  event: one(events, { fields: [badges.eventId], references: [events.id] }),
  holders: many(userBadges),
}));

export const userBadgesRelations = relations(userBadges, ({ one }) => ({
  user: one(users, { fields: [userBadges.userId], references: [users.id] }),
  badge: one(badges, { fields: [userBadges.badgeId], references: [badges.id] }),
}));

export const adsRelations = relations(ads, ({ one, many }) => ({
  advertiser: one(users, { fields: [ads.advertiserId], references: [users.id] }),
  impressions: many(adImpressions),
}));

export const adImpressionsRelations = relations(adImpressions, ({ one }) => ({
  ad: one(ads, { fields: [adImpressions.adId], references: [ads.id] }),
  user: one(users, { fields: [adImpressions.userId], references: [users.id] }),
}));

export const creatorProfilesRelations = relations(creatorProfiles, ({ one, many }) => ({
  user: one(users, {
    fields: [creatorProfiles.userId],
    references: [users.id],
    relationName: 'creatorProfileUser',
  }),
  series: many(series),
  connectedAccount: one(connectedAccounts),
  payouts: many(payouts),
}));

export const seriesRelations = relations(series, ({ one, many }) => ({
  creator: one(creatorProfiles, { fields: [series.creatorId], references: [creatorProfiles.id] }),
  seasons: many(seasons),
  bundles: many(bundles),
  featuredSlots: many(featuredSlots),
}));

export const seasonsRelations = relations(seasons, ({ one, many }) => ({
  series: one(series, { fields: [seasons.seriesId], references: [series.id] }),
  episodes: many(episodes),
  access: many(seasonAccess),
}));

export const episodesRelations = relations(episodes, ({ one, many }) => ({
  season: one(seasons, { fields: [episodes.seasonId], references: [seasons.id] }),
  videoAsset: one(videoAssets, { fields: [episodes.videoAssetId], references: [videoAssets.id] }),
  subtitles: many(subtitles),
  reactions: many(reactions),
  comments: many(comments),
}));

export const videoAssetsRelations = relations(videoAssets, ({ one, many }) => ({
  uploader: one(users, { fields: [videoAssets.uploadedBy], references: [users.id] }),
  episodes: many(episodes),
}));

export const subtitlesRelations = relations(subtitles, ({ one }) => ({
  episode: one(episodes, { fields: [subtitles.episodeId], references: [episodes.id] }),
}));

export const bundlesRelations = relations(bundles, ({ one }) => ({
  series: one(series, { fields: [bundles.seriesId], references: [series.id] }),
}));

export const transactionsRelations = relations(transactions, ({ one }) => ({
  user: one(users, { fields: [transactions.userId], references: [users.id] }),
  season: one(seasons, { fields: [transactions.seasonId], references: [seasons.id] }),
  bundle: one(bundles, { fields: [transactions.bundleId], references: [bundles.id] }),
  creator: one(creatorProfiles, { fields: [transactions.creatorId], references: [creatorProfiles.id] }),
  ad: one(ads, { fields: [transactions.adId], references: [ads.id] }),
}));

export const seasonAccessRelations = relations(seasonAccess, ({ one }) => ({
  user: one(users, { fields: [seasonAccess.userId], references: [users.id] }),
  season: one(seasons, { fields: [seasonAccess.seasonId], references: [seasons.id] }),
  transaction: one(transactions, { fields: [seasonAccess.transactionId], references: [transactions.id] }),
}));

export const connectedAccountsRelations = relations(connectedAccounts, ({ one }) => ({
  creator: one(creatorProfiles, { fields: [connectedAccounts.creatorId], references: [creatorProfiles.id] }),
}));

export const payoutsRelations = relations(payouts, ({ one }) => ({
  creator: one(creatorProfiles, { fields: [payouts.creatorId], references: [creatorProfiles.id] }),
}));

export const reactionsRelations = relations(reactions, ({ one }) => ({
  episode: one(episodes, { fields: [reactions.episodeId], references: [episodes.id] }),
  user: one(users, { fields: [reactions.userId], references: [users.id] }),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  episode: one(episodes, { fields: [comments.episodeId], references: [episodes.id] }),
  user: one(users, { fields: [comments.userId], references: [users.id] }),
  parent: one(comments, {
    fields: [comments.parentId],
    references: [comments.id],
    relationName: 'commentReplies',
  }),
  replies: many(comments, { relationName: 'commentReplies' }),
}));

export const featuredSlotsRelations = relations(featuredSlots, ({ one }) => ({
  series: one(series, { fields: [featuredSlots.seriesId], references: [series.id] }),
}));

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));
