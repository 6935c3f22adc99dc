import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../src/migrate';
import * as s from '../src/schema/index';
import { createTestDatabase, type TestDatabase } from '../src/testing';
import { pgErrorOf } from './pg-error';

/*
 * Seed 000's "Database Schema", transcribed: every table with every column and its type. Types:
 * uuid, text, int, bool, float (double precision), tstz (timestamptz), or enum:<name>.
 * ads.paid_amount numeric(10,2) is stored as paid_amount_cents integer (money is integer cents).
 */
const SEED_000: Record<string, Record<string, string>> = {
  users: {
    id: 'uuid',
    username: 'text',
    display_name: 'text',
    email: 'text',
    avatar_url: 'text',
    bio: 'text',
    level: 'int',
    xp: 'int',
    is_premium: 'bool',
    premium_until: 'tstz',
    is_verified: 'bool',
    created_at: 'tstz',
  },
  friend_requests: {
    from_user_id: 'uuid',
    to_user_id: 'uuid',
    status: 'enum:friend_request_status',
  },
  guilds: {
    id: 'uuid',
    name: 'text',
    description: 'text',
    avatar_url: 'text',
    owner_id: 'uuid',
    max_members: 'int',
    is_public: 'bool',
    total_watch_hours: 'float',
  },
  guild_members: { guild_id: 'uuid', user_id: 'uuid', role: 'enum:guild_role', joined_at: 'tstz' },
  rooms: {
    id: 'uuid',
    name: 'text',
    leader_id: 'uuid',
    platform: 'enum:room_platform',
    content_url: 'text',
    visibility: 'enum:room_visibility',
    mic_enabled: 'bool',
    max_members: 'int',
    is_active: 'bool',
    guild_id: 'uuid',
  },
  room_members: { room_id: 'uuid', user_id: 'uuid', is_muted: 'bool', joined_at: 'tstz' },
  room_messages: { id: 'uuid', room_id: 'uuid', user_id: 'uuid', content: 'text', created_at: 'tstz' },
  watch_sessions: {
    id: 'uuid',
    user_id: 'uuid',
    room_id: 'uuid',
    started_at: 'tstz',
    ended_at: 'tstz',
    duration_secs: 'int',
  },
  xp_log: { id: 'uuid', user_id: 'uuid', amount: 'int', reason: 'enum:xp_reason', created_at: 'tstz' },
  events: {
    id: 'uuid',
    title: 'text',
    description: 'text',
    starts_at: 'tstz',
    ends_at: 'tstz',
    is_sponsored: 'bool',
    sponsor_name: 'text',
  },
  event_tasks: {
    id: 'uuid',
    event_id: 'uuid',
    title: 'text',
    description: 'text',
    xp_reward: 'int',
    badge_id: 'uuid',
  },
  user_event_progress: { user_id: 'uuid', task_id: 'uuid', completed_at: 'tstz' },
  badges: {
    id: 'uuid',
    name: 'text',
    description: 'text',
    image_url: 'text',
    rarity: 'enum:badge_rarity',
    event_id: 'uuid',
    is_active: 'bool',
  },
  user_badges: { user_id: 'uuid', badge_id: 'uuid', earned_at: 'tstz', is_displayed: 'bool' },
  leaderboard_snapshots: {
    id: 'uuid',
    type: 'enum:leaderboard_type',
    period: 'enum:leaderboard_period',
    rank: 'int',
    entity_id: 'uuid',
    watch_hours: 'float',
    snapshot_at: 'tstz',
  },
  ads: {
    id: 'uuid',
    advertiser_id: 'uuid',
    title: 'text',
    video_url: 'text',
    xp_reward: 'int',
    reward_title: 'text',
    status: 'enum:ad_status',
    impressions: 'int',
    paid_amount_cents: 'int',
  },
  ad_impressions: {
    ad_id: 'uuid',
    user_id: 'uuid',
    watched_pct: 'int',
    rewarded: 'bool',
    created_at: 'tstz',
  },
};

/** Tables added by DESIGN section 4 (seed 004, auth, room settings), with the columns the brief names. */
const ADDED: Record<string, string[]> = {
  sessions: ['id', 'user_id', 'token', 'expires_at', 'ip_address', 'user_agent', 'revoked_at'],
  accounts: [
    'id',
    'user_id',
    'account_id',
    'provider_id',
    'access_token',
    'refresh_token',
    'id_token',
    'access_token_expires_at',
    'refresh_token_expires_at',
    'scope',
    'password',
  ],
  verifications: ['id', 'identifier', 'value', 'expires_at'],
  two_factors: ['id', 'user_id', 'secret', 'backup_codes'],
  refresh_tokens: ['id', 'session_id', 'token_hash', 'parent_id', 'used_at', 'revoked_at', 'expires_at'],
  mail_outbox: ['id', 'to', 'subject', 'text', 'html', 'sent_at'],
  room_invites: ['id', 'code', 'room_id', 'created_by', 'max_uses', 'uses', 'expires_at'],
  room_bans: ['room_id', 'user_id', 'until', 'reason'],
  creator_profiles: ['id', 'user_id', 'status', 'slug', 'display_name', 'bio', 'revenue_share_bps'],
  series: [
    'id',
    'creator_id',
    'slug',
    'title',
    'description',
    'genre',
    'cover_url',
    'status',
    'published_at',
  ],
  seasons: ['id', 'series_id', 'number', 'title', 'price_cents'],
  episodes: [
    'id',
    'season_id',
    'number',
    'title',
    'description',
    'status',
    'free_override',
    'duration_ms',
    'video_asset_id',
    'thumbnail_url',
    'published_at',
  ],
  video_assets: [
    'id',
    'provider',
    'status',
    'storage_key',
    'playback_id',
    'mux_asset_id',
    'mux_upload_id',
    'width',
    'height',
    'duration_ms',
    'hls_path',
    'error',
  ],
  subtitles: ['id', 'episode_id', 'language', 'format', 'storage_key', 'source'],
  season_access: ['id', 'user_id', 'season_id', 'granted_via', 'transaction_id'],
  bundles: ['id', 'series_id', 'title', 'price_cents'],
  transactions: [
    'id',
    'user_id',
    'kind',
    'amount_cents',
    'fee_cents',
    'creator_share_cents',
    'platform_share_cents',
    'currency',
    'status',
    'stripe_checkout_session_id',
    'stripe_payment_intent_id',
    'season_id',
    'creator_id',
  ],
  payouts: ['id', 'creator_id', 'amount_cents', 'status', 'stripe_transfer_id', 'paid_at'],
  connected_accounts: [
    'id',
    'creator_id',
    'stripe_account_id',
    'charges_enabled',
    'payouts_enabled',
    'details_submitted',
  ],
  reactions: ['id', 'episode_id', 'user_id', 'emoji', 'timestamp_ms'],
  comments: ['id', 'episode_id', 'user_id', 'body', 'timestamp_ms', 'parent_id', 'hidden_at'],
  analytics_events: [
    'id',
    'event_type',
    'user_id',
    'anonymous_id',
    'session_id',
    'series_id',
    'episode_id',
    'creator_id',
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'utm_content',
    'utm_term',
    'referrer',
    'properties',
    'occurred_at',
  ],
  featured_slots: ['id', 'position', 'series_id', 'starts_at', 'ends_at'],
  reports: ['id', 'reporter_id', 'target_type', 'target_id', 'reason', 'status', 'resolved_by'],
  webhook_events: ['id', 'provider', 'event_id', 'type', 'payload', 'processed_at'],
  notifications: ['id', 'user_id', 'type', 'payload', 'read_at'],
};

/** Seed 000 primary keys, composite ones in column order. */
const PRIMARY_KEYS: Record<string, string[]> = {
  users: ['id'],
  friend_requests: ['from_user_id', 'to_user_id'],
  guilds: ['id'],
  guild_members: ['guild_id', 'user_id'],
  rooms: ['id'],
  room_members: ['room_id', 'user_id'],
  room_messages: ['id'],
  watch_sessions: ['id'],
  xp_log: ['id'],
  events: ['id'],
  event_tasks: ['id'],
  user_event_progress: ['user_id', 'task_id'],
  badges: ['id'],
  user_badges: ['user_id', 'badge_id'],
  leaderboard_snapshots: ['id'],
  ads: ['id'],
  ad_impressions: ['ad_id', 'user_id'],
  analytics_events: ['id', 'occurred_at'],
};

/** Seed 000 foreign keys ("FK → table"), plus the main seed 004 ones: table.column -> table.column. */
const FOREIGN_KEYS: [string, string][] = [
  ['friend_requests.from_user_id', 'users.id'],
  ['friend_requests.to_user_id', 'users.id'],
  ['guilds.owner_id', 'users.id'],
  ['guild_members.guild_id', 'guilds.id'],
  ['guild_members.user_id', 'users.id'],
  ['rooms.leader_id', 'users.id'],
  ['rooms.guild_id', 'guilds.id'],
  ['room_members.room_id', 'rooms.id'],
  ['room_members.user_id', 'users.id'],
  ['room_messages.room_id', 'rooms.id'],
  ['room_messages.user_id', 'users.id'],
  ['watch_sessions.user_id', 'users.id'],
  ['watch_sessions.room_id', 'rooms.id'],
  ['xp_log.user_id', 'users.id'],
  ['event_tasks.event_id', 'events.id'],
  ['event_tasks.badge_id', 'badges.id'],
  ['user_event_progress.user_id', 'users.id'],
  ['user_event_progress.task_id', 'event_tasks.id'],
  ['badges.event_id', 'events.id'],
  ['user_badges.user_id', 'users.id'],
  ['user_badges.badge_id', 'badges.id'],
  ['ads.advertiser_id', 'users.id'],
  ['ad_impressions.ad_id', 'ads.id'],
  ['ad_impressions.user_id', 'users.id'],
  // Seed 004 / auth / room settings
  ['sessions.user_id', 'users.id'],
  ['accounts.user_id', 'users.id'],
  ['refresh_tokens.session_id', 'sessions.id'],
  ['room_messages.reply_to_id', 'room_messages.id'],
  ['room_invites.room_id', 'rooms.id'],
  ['room_bans.user_id', 'users.id'],
  ['creator_profiles.user_id', 'users.id'],
  ['series.creator_id', 'creator_profiles.id'],
  ['seasons.series_id', 'series.id'],
  ['episodes.season_id', 'seasons.id'],
  ['episodes.video_asset_id', 'video_assets.id'],
  ['subtitles.episode_id', 'episodes.id'],
  ['season_access.user_id', 'users.id'],
  ['season_access.season_id', 'seasons.id'],
  ['season_access.transaction_id', 'transactions.id'],
  ['transactions.season_id', 'seasons.id'],
  ['payouts.creator_id', 'creator_profiles.id'],
  ['connected_accounts.creator_id', 'creator_profiles.id'],
  ['reactions.episode_id', 'episodes.id'],
  ['comments.parent_id', 'comments.id'],
  ['featured_slots.series_id', 'series.id'],
  ['notifications.user_id', 'users.id'],
];

/** Enum values exactly as the seed lists them ('upload' added to room_platform on purpose). */
const ENUMS: Record<string, string[]> = {
  friend_request_status: ['pending', 'accepted', 'rejected'],
  guild_role: ['leader', 'officer', 'member'],
  guild_left_reason: ['left', 'kicked', 'disbanded'],
  room_platform: ['youtube', 'drive', 'spotify', 'web', 'upload'],
  room_visibility: ['public', 'friends', 'private'],
  xp_reason: ['watch', 'login', 'chat', 'friend', 'event', 'ad_watch'],
  badge_rarity: ['common', 'rare', 'epic', 'legendary'],
  leaderboard_type: ['individual', 'guild'],
  leaderboard_period: ['weekly', 'monthly', 'alltime'],
  ad_status: ['pending', 'active', 'paused', 'done'],
  room_playback_control: ['leader', 'any'],
  room_chat_mode: ['all', 'mods', 'off'],
  room_member_role: ['leader', 'moderator', 'member'],
  room_message_kind: ['user', 'system'],
  user_role: ['viewer', 'creator', 'admin'],
  creator_status: ['applied', 'approved', 'rejected'],
  series_status: ['draft', 'published', 'archived'],
  episode_status: ['draft', 'processing', 'ready', 'published', 'failed'],
  video_provider: ['local', 'mux'],
  subtitle_source: ['ai', 'upload'],
  report_status: ['open', 'resolved', 'dismissed'],
};

const TYPE_OF: Record<string, (c: { data_type: string; udt_name: string }) => string> = {
  uuid: (c) => c.data_type,
  text: (c) => c.data_type,
  int: (c) => (c.data_type === 'integer' ? 'int' : c.data_type),
  bool: (c) => (c.data_type === 'boolean' ? 'bool' : c.data_type),
  float: (c) => (c.data_type === 'double precision' ? 'float' : c.data_type),
  tstz: (c) => (c.data_type === 'timestamp with time zone' ? 'tstz' : c.data_type),
  enum: (c) => (c.data_type === 'USER-DEFINED' ? `enum:${c.udt_name}` : c.data_type),
};

let t: TestDatabase;
let columns: Map<
  string,
  Map<string, { data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>
>;

beforeAll(async () => {
  t = await createTestDatabase();
  const { rows } = await t.pool.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default
       FROM information_schema.columns c
       JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = 'public'::regnamespace
      WHERE c.table_schema = 'public' AND NOT k.relispartition`,
  );
  columns = new Map();
  for (const row of rows) {
    const table = columns.get(row.table_name) ?? new Map();
    table.set(row.column_name, row);
    columns.set(row.table_name, table);
  }
});

afterAll(async () => {
  await t?.drop();
});

describe('migrations', () => {
  it('can be applied again without changing anything', async () => {
    await expect(runMigrations(t.db)).resolves.toBeUndefined();
  });

  describe.each(Object.entries(SEED_000))('seed 000 table %s', (table, expected) => {
    it.each(Object.entries(expected))('has column %s of type %s', (column, type) => {
      const actual = columns.get(table)?.get(column);
      expect(actual, `${table}.${column} is missing`).toBeDefined();
      const kind = type.split(':')[0]!;
      expect(TYPE_OF[kind]!(actual!)).toBe(type);
    });
  });

  it.each(Object.entries(ADDED))('creates table %s with its columns', (table, expected) => {
    const actual = [...(columns.get(table)?.keys() ?? [])];
    expect(actual).toEqual(expect.arrayContaining(expected));
  });

  it('gives every table created_at and updated_at timestamptz NOT NULL DEFAULT now()', () => {
    const offenders: string[] = [];
    for (const [table, cols] of columns) {
      for (const name of ['created_at', 'updated_at']) {
        const col = cols.get(name);
        if (
          !col ||
          col.data_type !== 'timestamp with time zone' ||
          col.is_nullable !== 'NO' ||
          col.column_default !== 'now()'
        ) {
          offenders.push(`${table}.${name}`);
        }
      }
    }
    expect(columns.size).toBeGreaterThanOrEqual(Object.keys(SEED_000).length + Object.keys(ADDED).length);
    expect(offenders).toEqual([]);
  });

  it.each(Object.entries(PRIMARY_KEYS))('gives %s the primary key (%s)', async (table, expected) => {
    const { rows } = await t.pool.query<{ cols: string[] }>(
      `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS cols
         FROM pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND c.conrelid = $1::regclass
        GROUP BY c.oid`,
      [table],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cols).toEqual(expected);
  });

  it.each(FOREIGN_KEYS)('has the foreign key %s -> %s', async (from, to) => {
    const [table, column] = from.split('.');
    const [refTable, refColumn] = to.split('.');
    const { rows } = await t.pool.query(
      `SELECT 1
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.referential_constraints rc
           ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
          AND tc.table_name = $1 AND kcu.column_name = $2 AND ccu.table_name = $3 AND ccu.column_name = $4`,
      [table, column, refTable, refColumn],
    );
    expect(rows.length).toBe(1);
  });

  it.each([
    ['users', 'username'],
    ['users', 'email'],
    ['sessions', 'token'],
    ['room_invites', 'code'],
    ['series', 'slug'],
    ['creator_profiles', 'slug'],
    ['creator_profiles', 'user_id'],
    ['transactions', 'stripe_checkout_session_id'],
    ['payouts', 'stripe_transfer_id'],
    ['connected_accounts', 'stripe_account_id'],
    ['refresh_tokens', 'token_hash'],
  ])('makes %s.%s unique', async (table, column) => {
    const { rows } = await t.pool.query(
      `SELECT 1 FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'u' AND c.conrelid = $1::regclass AND cardinality(c.conkey) = 1 AND a.attname = $2`,
      [table, column],
    );
    expect(rows.length).toBe(1);
  });

  it('keeps guild names unique case-insensitively among guilds that are not disbanded', async () => {
    const { rows: owners } = await t.pool.query<{ id: string }>(
      `INSERT INTO users (username, email) VALUES ('guildnamer', 'guildnamer@example.com') RETURNING id`,
    );
    const owner = owners[0]!.id;
    const { rows: first } = await t.pool.query<{ id: string }>(
      `INSERT INTO guilds (name, owner_id) VALUES ('Name Keepers', $1) RETURNING id`,
      [owner],
    );
    await expect(t.pool.query(`INSERT INTO guilds (name, owner_id) VALUES ('name keepers', $1)`, [owner])).rejects.toMatchObject({
      code: '23505',
      constraint: 'guilds_name_lower_key',
    });
    await t.pool.query(`UPDATE guilds SET disbanded_at = now() WHERE id = $1`, [first[0]!.id]);
    await t.pool.query(`INSERT INTO guilds (name, owner_id) VALUES ('NAME KEEPERS', $1)`, [owner]);
  });

  it.each(Object.entries(ENUMS))('defines enum %s with exactly its values', async (name, values) => {
    const { rows } = await t.pool.query<{ label: string }>(
      `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid
        WHERE ty.typname = $1 ORDER BY e.enumsortorder`,
      [name],
    );
    expect(rows.map((r) => r.label)).toEqual(values);
  });

  it('covers every foreign key with an index whose leading columns are the key', async () => {
    // Table-driven over the whole schema: any FK without a non-partial index starting with its columns.
    const { rows } = await t.pool.query<{ fk: string }>(
      `SELECT c.conrelid::regclass::text || '(' || string_agg(a.attname, ',' ORDER BY k.ord) || ') ' || c.conname AS fk
         FROM pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          AND NOT EXISTS (
            SELECT 1 FROM pg_index i
             WHERE i.indrelid = c.conrelid AND i.indpred IS NULL
               AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
               AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
        GROUP BY c.oid, c.conrelid, c.conname`,
    );
    const { rows: fkCount } = await t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    expect(fkCount[0]!.n).toBeGreaterThanOrEqual(FOREIGN_KEYS.length);
    expect(rows.map((r) => r.fk)).toEqual([]);
  });

  it.each([
    ['rooms', ['visibility', 'is_active']],
    ['room_messages', ['room_id', 'seq']],
    ['xp_log', ['user_id', 'created_at']],
    ['watch_sessions', ['user_id', 'started_at']],
    ['friend_requests', ['to_user_id', 'status']],
    ['leaderboard_snapshots', ['type', 'period', 'snapshot_at', 'rank']],
    ['reactions', ['episode_id', 'timestamp_ms']],
    ['comments', ['episode_id', 'timestamp_ms']],
    ['notifications', ['user_id', 'read_at']],
    ['ads', ['status']],
    ['analytics_events', ['creator_id', 'occurred_at']],
  ])('has a hot-path index on %s (%s)', async (table, cols) => {
    const { rows } = await t.pool.query(
      `SELECT 1 FROM pg_index i
        WHERE i.indrelid = $1::regclass
          AND (SELECT array_agg(a.attname ORDER BY k.ord)::text[]
                 FROM unnest((i.indkey::int2[])[0:$3 - 1]) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) = $2::text[]`,
      [table, cols, cols.length],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('indexes open watch sessions (ended_at IS NULL)', async () => {
    const { rows } = await t.pool.query<{ pred: string }>(
      `SELECT pg_get_expr(i.indpred, i.indrelid) AS pred FROM pg_index i
        WHERE i.indrelid = 'watch_sessions'::regclass AND i.indpred IS NOT NULL`,
    );
    expect(rows.map((r) => r.pred)).toContain('(ended_at IS NULL)');
  });
});

describe('defaults', () => {
  it('fills a user inserted with only the required columns with the seed defaults', async () => {
    const [user] = await t.db
      .insert(s.users)
      .values({ username: 'defaults_user', email: 'defaults@example.com' })
      .returning();
    expect(user).toMatchObject({
      level: 1,
      xp: 0,
      isPremium: false,
      premiumUntil: null,
      isVerified: false,
      emailVerified: false,
      role: 'viewer',
      settings: {},
      deactivatedAt: null,
      deletedAt: null,
    });
    expect(user!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(user!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('fills guilds, rooms, members, events, badges, ads and friend requests with their defaults', async () => {
    const [owner] = await t.db
      .insert(s.users)
      .values({ username: 'owner_1', email: 'owner1@example.com' })
      .returning();
    const [friend] = await t.db
      .insert(s.users)
      .values({ username: 'friend_1', email: 'friend1@example.com' })
      .returning();
    const [guild] = await t.db
      .insert(s.guilds)
      .values({ name: 'Defaults Guild', ownerId: owner!.id })
      .returning();
    expect(guild).toMatchObject({ maxMembers: 10, isPublic: true, totalWatchHours: 0 });
    const [member] = await t.db
      .insert(s.guildMembers)
      .values({ guildId: guild!.id, userId: friend!.id })
      .returning();
    expect(member!.role).toBe('member');
    expect(member!.joinedAt).toBeInstanceOf(Date);

    const [room] = await t.db
      .insert(s.rooms)
      .values({ name: 'Defaults Room', leaderId: owner!.id, platform: 'youtube' })
      .returning();
    expect(room).toMatchObject({
      micEnabled: false,
      maxMembers: 50,
      isActive: true,
      visibility: 'friends',
      playbackControl: 'leader',
      chatMode: 'all',
      isLocked: false,
      slowMode: false,
      guildId: null,
    });
    const [roomMember] = await t.db
      .insert(s.roomMembers)
      .values({ roomId: room!.id, userId: friend!.id })
      .returning();
    expect(roomMember).toMatchObject({ isMuted: false, role: 'member', leftAt: null, bannedUntil: null });
    const [message] = await t.db
      .insert(s.roomMessages)
      .values({ roomId: room!.id, userId: friend!.id, content: 'hi' })
      .returning();
    expect(message!.kind).toBe('user');

    const [event] = await t.db
      .insert(s.events)
      .values({ title: 'E', startsAt: new Date(), endsAt: new Date(Date.now() + 1000) })
      .returning();
    expect(event!.isSponsored).toBe(false);
    const [badge] = await t.db.insert(s.badges).values({ name: 'B' }).returning();
    expect(badge).toMatchObject({ rarity: 'common', isActive: true });
    const [userBadge] = await t.db
      .insert(s.userBadges)
      .values({ userId: friend!.id, badgeId: badge!.id })
      .returning();
    expect(userBadge!.isDisplayed).toBe(false);

    const [ad] = await t.db
      .insert(s.ads)
      .values({ advertiserId: owner!.id, title: 'Ad', videoUrl: 'https://example.com/ad.mp4' })
      .returning();
    expect(ad).toMatchObject({ xpReward: 0, impressions: 0, status: 'pending', paidAmountCents: 0 });

    const [request] = await t.db
      .insert(s.friendRequests)
      .values({ fromUserId: owner!.id, toUserId: friend!.id })
      .returning();
    expect(request!.status).toBe('pending');
  });

  it('moves updated_at forward on update', async () => {
    const [user] = await t.db
      .insert(s.users)
      .values({ username: 'touch_me', email: 'touch@example.com' })
      .returning();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [updated] = await t.db
      .update(s.users)
      .set({ bio: 'new' })
      .where(eq(s.users.id, user!.id))
      .returning();
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(user!.updatedAt.getTime());
  });
});

describe('constraints', () => {
  let userId: string;
  let roomId: string;
  let adId: string;
  let guildOwner: string;

  beforeAll(async () => {
    const { rows } = await t.pool.query<{ id: string }>(
      `INSERT INTO users (username, email) VALUES ('limits_user', 'limits@example.com') RETURNING id`,
    );
    userId = rows[0]!.id;
    guildOwner = userId;
    roomId = (
      await t.pool.query<{ id: string }>(
        `INSERT INTO rooms (name, leader_id, platform) VALUES ('Limits', $1, 'web') RETURNING id`,
        [userId],
      )
    ).rows[0]!.id;
    adId = (
      await t.pool.query<{ id: string }>(
        `INSERT INTO ads (advertiser_id, title, video_url) VALUES ($1, 'Ad', 'https://example.com/a.mp4') RETURNING id`,
        [userId],
      )
    ).rows[0]!.id;
  });

  const cases: [string, string, () => [string, unknown[]]][] = [
    [
      'bio longer than 160',
      'users_bio_length',
      () => [`UPDATE users SET bio = repeat('a', 161) WHERE id = $1`, [userId]],
    ],
    [
      'username with a space',
      'users_username_format',
      () => [`UPDATE users SET username = 'bad name' WHERE id = $1`, [userId]],
    ],
    ['level 11', 'users_level_range', () => [`UPDATE users SET level = 11 WHERE id = $1`, [userId]]],
    [
      'empty chat message',
      'room_messages_content_length',
      () => [`INSERT INTO room_messages (room_id, user_id, content) VALUES ($1, $2, '')`, [roomId, userId]],
    ],
    [
      'chat message of 501 chars',
      'room_messages_content_length',
      () => [
        `INSERT INTO room_messages (room_id, user_id, content) VALUES ($1, $2, repeat('x', 501))`,
        [roomId, userId],
      ],
    ],
    [
      'room of 1',
      'rooms_max_members_range',
      () => [`UPDATE rooms SET max_members = 1 WHERE id = $1`, [roomId]],
    ],
    [
      'room of 51',
      'rooms_max_members_range',
      () => [`UPDATE rooms SET max_members = 51 WHERE id = $1`, [roomId]],
    ],
    [
      'watched_pct 101',
      'ad_impressions_watched_pct_range',
      () => [`INSERT INTO ad_impressions (ad_id, user_id, watched_pct) VALUES ($1, $2, 101)`, [adId, userId]],
    ],
    [
      'watched_pct -1',
      'ad_impressions_watched_pct_range',
      () => [`INSERT INTO ad_impressions (ad_id, user_id, watched_pct) VALUES ($1, $2, -1)`, [adId, userId]],
    ],
    [
      'guild of 11',
      'guilds_max_members_range',
      () => [`INSERT INTO guilds (name, owner_id, max_members) VALUES ('Big', $1, 11)`, [guildOwner]],
    ],
    [
      'friend request to oneself',
      'friend_requests_not_self',
      () => [`INSERT INTO friend_requests (from_user_id, to_user_id) VALUES ($1, $1)`, [userId]],
    ],
  ];

  it.each(cases)('rejects %s (%s)', async (_label, constraint, statement) => {
    const [text, params] = statement();
    const err = await pgErrorOf(t.pool.query(text, params));
    expect(err.code).toBe('23514');
    expect(err.constraint).toBe(constraint);
  });

  it('accepts the limits themselves (bio 160, message 500, rooms 2 and 50, watched 100)', async () => {
    await t.pool.query(`UPDATE users SET bio = repeat('a', 160) WHERE id = $1`, [userId]);
    await t.pool.query(
      `INSERT INTO room_messages (room_id, user_id, content) VALUES ($1, $2, repeat('x', 500))`,
      [roomId, userId],
    );
    await t.pool.query(`UPDATE rooms SET max_members = 2 WHERE id = $1`, [roomId]);
    await t.pool.query(`UPDATE rooms SET max_members = 50 WHERE id = $1`, [roomId]);
    await t.pool.query(`INSERT INTO ad_impressions (ad_id, user_id, watched_pct) VALUES ($1, $2, 100)`, [
      adId,
      userId,
    ]);
  });

  it('keeps usernames and emails unique case-insensitively', async () => {
    await t.db.insert(s.users).values({ username: 'CaseUser', email: 'case@example.com' });
    const sameName = await pgErrorOf(
      t.db.insert(s.users).values({ username: 'caseuser', email: 'other@example.com' }),
    );
    expect(sameName.code).toBe('23505');
    expect(sameName.constraint).toBe('users_username_lower_key');
    const sameEmail = await pgErrorOf(
      t.db.insert(s.users).values({ username: 'case_two', email: 'CASE@example.com' }),
    );
    expect(sameEmail.code).toBe('23505');
    expect(sameEmail.constraint).toBe('users_email_lower_key');
  });

  it('rejects a second webhook delivery with the same (provider, event_id)', async () => {
    await t.db
      .insert(s.webhookEvents)
      .values({ provider: 'stripe', eventId: 'evt_1', type: 'checkout.session.completed', payload: {} });
    const duplicate = await pgErrorOf(
      t.db
        .insert(s.webhookEvents)
        .values({ provider: 'stripe', eventId: 'evt_1', type: 'checkout.session.completed', payload: {} }),
    );
    expect(duplicate.code).toBe('23505');
    expect(duplicate.constraint).toBe('webhook_events_provider_event_id_key');
    // The same id from another provider is a different event.
    await t.db
      .insert(s.webhookEvents)
      .values({ provider: 'mux', eventId: 'evt_1', type: 'video.asset.ready', payload: {} });
    const inserted = await t.db
      .insert(s.webhookEvents)
      .values({ provider: 'stripe', eventId: 'evt_1', type: 'x', payload: {} })
      .onConflictDoNothing({ target: [s.webhookEvents.provider, s.webhookEvents.eventId] })
      .returning();
    expect(inserted).toEqual([]);
  });

  it('grants a season to a user once (unique user_id, season_id)', async () => {
    const [creator] = await t.db
      .insert(s.creatorProfiles)
      .values({ userId, slug: 'limits-creator', displayName: 'Limits' })
      .returning();
    const [show] = await t.db
      .insert(s.series)
      .values({ creatorId: creator!.id, slug: 'limits-show', title: 'Show' })
      .returning();
    const [season] = await t.db
      .insert(s.seasons)
      .values({ seriesId: show!.id, number: 1, priceCents: 299 })
      .returning();
    await t.db.insert(s.seasonAccess).values({ userId, seasonId: season!.id, grantedVia: 'admin' });
    const err = await pgErrorOf(
      t.db.insert(s.seasonAccess).values({ userId, seasonId: season!.id, grantedVia: 'promo' }),
    );
    expect(err.constraint).toBe('season_access_user_id_season_id_key');
    const dupSeason = await pgErrorOf(t.db.insert(s.seasons).values({ seriesId: show!.id, number: 1 }));
    expect(dupSeason.constraint).toBe('seasons_series_id_number_key');
  });

  it('refuses a second guild for the same user', async () => {
    const [other] = await t.db
      .insert(s.users)
      .values({ username: 'guild_hopper', email: 'hopper@example.com' })
      .returning();
    const [a] = await t.db.insert(s.guilds).values({ name: 'Guild A', ownerId: other!.id }).returning();
    const [b] = await t.db.insert(s.guilds).values({ name: 'Guild B', ownerId: other!.id }).returning();
    await t.db.insert(s.guildMembers).values({ guildId: a!.id, userId: other!.id, role: 'leader' });
    const err = await pgErrorOf(t.db.insert(s.guildMembers).values({ guildId: b!.id, userId: other!.id }));
    expect(err.constraint).toBe('guild_members_user_id_key');
  });

  it('awards XP for a natural key once (unique user_id, dedupe_key)', async () => {
    await t.db.insert(s.xpLog).values({ userId, amount: 50, reason: 'login', dedupeKey: 'login:2026-01-01' });
    const err = await pgErrorOf(
      t.db.insert(s.xpLog).values({ userId, amount: 50, reason: 'login', dedupeKey: 'login:2026-01-01' }),
    );
    expect(err.constraint).toBe('xp_log_user_id_dedupe_key_key');
    // Awards without a natural key never collide.
    await t.db.insert(s.xpLog).values([
      { userId, amount: 15, reason: 'chat' },
      { userId, amount: 15, reason: 'chat' },
    ]);
  });
});
