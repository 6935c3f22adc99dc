import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { guilds } from './guilds';
import { users } from './users';

/** Seed 000's platforms plus 'upload': rooms can also play a video uploaded to our own storage. */
export const roomPlatform = pgEnum('room_platform', ['youtube', 'drive', 'spotify', 'web', 'upload']);
export const roomVisibility = pgEnum('room_visibility', ['public', 'friends', 'private']);
/** Seed 000 room setting "Playback control: Leader only / Any member". */
export const roomPlaybackControl = pgEnum('room_playback_control', ['leader', 'any']);
/** Seed 000 room setting "Chat: All / Mods only / Off". */
export const roomChatMode = pgEnum('room_chat_mode', ['all', 'mods', 'off']);
export const roomMemberRole = pgEnum('room_member_role', ['leader', 'moderator', 'member']);
export const roomMessageKind = pgEnum('room_message_kind', ['user', 'system']);

export const rooms = pgTable(
  'rooms',
  {
    id: uuidPk(),
    name: text('name').notNull(),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: roomPlatform('platform').notNull(),
    contentUrl: text('content_url'),
    // Seed 000 room settings: "Friends only" is the default visibility.
    visibility: roomVisibility('visibility').notNull().default('friends'),
    micEnabled: boolean('mic_enabled').notNull().default(false),
    // The seed's schema default is the cap (50); the creation form proposes 10 (LIMITS.roomMembersDefault).
    maxMembers: integer('max_members').notNull().default(50),
    isActive: boolean('is_active').notNull().default(true),
    guildId: uuid('guild_id').references(() => guilds.id, { onDelete: 'set null' }),
    playbackControl: roomPlaybackControl('playback_control').notNull().default('leader'),
    chatMode: roomChatMode('chat_mode').notNull().default('all'),
    /** Leader power "Lock room": no new joins. */
    isLocked: boolean('is_locked').notNull().default(false),
    /** Leader power "Slow chat mode": 5 s between messages per member. */
    slowMode: boolean('slow_mode').notNull().default(false),
    /** Whether the room is playing (watch sessions run only then); follows `playback.playback.isPlaying`. */
    isPlaying: boolean('is_playing').notNull().default(false),
    /**
     * The server-authoritative playback (issue 5): the `@wt/sync` room machine as JSON (state, scheduled
     * transition, buffering wait, sync settings), so a restart resumes it. Null until the room first has one.
     */
    playback: jsonb('playback').$type<Record<string, unknown>>(),
    /** When the last present member left (or the room was created / reopened with nobody in it). */
    emptySince: timestamptz('empty_since'),
    ...timestamps(),
  },
  (t) => [
    index('rooms_leader_id_idx').on(t.leaderId),
    index('rooms_guild_id_idx').on(t.guildId),
    // Room browser: public active rooms, newest first.
    index('rooms_visibility_is_active_idx').on(t.visibility, t.isActive, t.createdAt.desc()),
    check('rooms_max_members_range', sql`${t.maxMembers} BETWEEN 2 AND 50`),
  ],
);

export const roomMembers = pgTable(
  'room_members',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roomMemberRole('role').notNull().default('member'),
    /** Leader power "Mute member": a server-side flag. */
    isMuted: boolean('is_muted').notNull().default(false),
    joinedAt: timestamptz('joined_at').notNull().defaultNow(),
    leftAt: timestamptz('left_at'),
    bannedUntil: timestamptz('banned_until'),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), index('room_members_user_id_idx').on(t.userId)],
);

export const roomMessages = pgTable(
  'room_messages',
  {
    id: uuidPk(),
    /** Insertion order: history pages by it (timestamps tie within a millisecond, and under a test clock). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    /** Null only for system messages ("alex joined"). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    kind: roomMessageKind('kind').notNull().default('user'),
    replyToId: uuid('reply_to_id').references((): AnyPgColumn => roomMessages.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    // Chat history: WHERE room_id = $1 [AND seq < $2] ORDER BY seq DESC LIMIT n.
    index('room_messages_room_id_seq_idx').on(t.roomId, t.seq.desc()),
    // Chat rate limit and slow mode: a user's latest messages, WHERE user_id = $1 ORDER BY created_at DESC.
    index('room_messages_user_id_created_at_idx').on(t.userId, t.createdAt.desc()),
    index('room_messages_reply_to_id_idx').on(t.replyToId),
    check('room_messages_content_length', sql`char_length(${t.content}) BETWEEN 1 AND 500`),
    check('room_messages_author', sql`${t.kind} = 'system' OR ${t.userId} IS NOT NULL`),
  ],
);

/** Emoji reactions on chat messages: one row per person and emoji (toggled). */
export const roomMessageReactions = pgTable(
  'room_message_reactions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => roomMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.userId, t.emoji] }),
    index('room_message_reactions_user_id_idx').on(t.userId),
    check('room_message_reactions_emoji_length', sql`char_length(${t.emoji}) BETWEEN 1 AND 16`),
  ],
);

/** Seed 000 invite system: time-limited, single- or multi-use codes. */
export const roomInvites = pgTable(
  'room_invites',
  {
    id: uuidPk(),
    code: text('code').notNull().unique(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null: unlimited uses. */
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    /** Null: never expires. */
    expiresAt: timestamptz('expires_at'),
    ...timestamps(),
  },
  (t) => [
    index('room_invites_room_id_idx').on(t.roomId),
    index('room_invites_created_by_idx').on(t.createdBy),
    check('room_invites_max_uses_positive', sql`${t.maxUses} IS NULL OR ${t.maxUses} >= 1`),
    check(
      'room_invites_uses_range',
      sql`${t.uses} >= 0 AND (${t.maxUses} IS NULL OR ${t.uses} <= ${t.maxUses})`,
    ),
  ],
);

/** Kicked-and-banned users; `until` null means permanent. */
export const roomBans = pgTable(
  'room_bans',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    until: timestamptz('until'),
    reason: text('reason'),
    bannedBy: uuid('banned_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.roomId, t.userId] }),
    index('room_bans_user_id_idx').on(t.userId),
    index('room_bans_banned_by_idx').on(t.bannedBy),
  ],
);

/** Seed 000 watch hours: one row per continuous presence in a playing room, measured by the server. */
export const watchSessions = pgTable(
  'watch_sessions',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Hours stay on the user's record when the room is deleted.
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    endedAt: timestamptz('ended_at'),
    /** Computed on session end. */
    durationSecs: integer('duration_secs'),
    ...timestamps(),
  },
  (t) => [
    // Stats per week/month/year: WHERE user_id = $1 AND started_at >= $2.
    index('watch_sessions_user_id_started_at_idx').on(t.userId, t.startedAt),
    index('watch_sessions_room_id_idx').on(t.roomId),
    // Open sessions, closed on leave / pause / restart recovery.
    index('watch_sessions_open_idx')
      .on(t.userId)
      .where(sql`${t.endedAt} IS NULL`),
    // At most one open session per person and room, whatever races between their sockets.
    uniqueIndex('watch_sessions_open_room_key')
      .on(t.userId, t.roomId)
      .where(sql`${t.endedAt} IS NULL`),
    check('watch_sessions_duration_nonnegative', sql`${t.durationSecs} >= 0`),
    check('watch_sessions_ended_after_start', sql`${t.endedAt} IS NULL OR ${t.endedAt} >= ${t.startedAt}`),
  ],
);
