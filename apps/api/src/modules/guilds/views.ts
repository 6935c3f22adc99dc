import { sql } from 'drizzle-orm';
import {
  boardKey,
  GUILD_DIRECTORY_PAGE,
  guildRoleMay,
  type GuildCard,
  type GuildDetail,
  type GuildDirectory,
  type GuildEvent,
  type GuildMember,
  type GuildPending,
  type GuildRole,
  type MyGuild,
} from '@wt/schemas';
import { containsPattern } from '../friends/rules';
import { loadRoomSummaries, personOf, type PersonRow, type Queryable } from '../rooms/views';
import { guildEventStatus, hoursOf } from './rules';
import type { GuildServices } from './service';

export type { Queryable };

/** How the guild pages read guilds: cards, the detail a viewer may see, and one person's guild life. */

type CardRow = PersonRow & {
  id: string;
  name: string;
  description: string | null;
  guild_avatar_url: string | null;
  is_public: boolean;
  member_count: number;
  max_members: number;
  total_watch_hours: number;
  created_at: Date;
};

const CARD_COLUMNS = sql`
  g.id, g.name, g.description, g.avatar_url AS guild_avatar_url, g.is_public, g.max_members, g.total_watch_hours, g.created_at,
  (SELECT count(*)::int FROM guild_members m WHERE m.guild_id = g.id) AS member_count,
  u.id AS user_id, u.username, u.display_name, u.avatar_url, u.deleted_at`;
const CARD_FROM = sql`FROM guilds g JOIN users u ON u.id = g.owner_id`;

function cardOf(r: CardRow): GuildCard {
  return {
    id: r.id,
    name: r.name,
    description: r.description ?? '',
    avatarUrl: r.guild_avatar_url,
    isPublic: r.is_public,
    memberCount: r.member_count,
    maxMembers: r.max_members,
    totalWatchHours: Math.round(Number(r.total_watch_hours) * 100) / 100,
    leader: personOf(r),
  };
}

/** Guilds that are not disbanded, by name (contains, case-insensitive), busiest first. */
export async function loadDirectory(db: Queryable, query: string, offset: number): Promise<GuildDirectory> {
  const match = query ? sql`AND lower(g.name) LIKE ${containsPattern(query)}` : sql``;
  const { rows } = await db.execute<CardRow>(sql`
    SELECT ${CARD_COLUMNS} ${CARD_FROM}
    WHERE g.disbanded_at IS NULL ${match}
    ORDER BY g.total_watch_hours DESC, lower(g.name), g.id
    LIMIT ${GUILD_DIRECTORY_PAGE + 1} OFFSET ${offset}`);
  const hasMore = rows.length > GUILD_DIRECTORY_PAGE;
  return { guilds: rows.slice(0, GUILD_DIRECTORY_PAGE).map(cardOf), nextCursor: hasMore ? offset + GUILD_DIRECTORY_PAGE : null };
}

export async function roleIn(db: Queryable, guildId: string, userId: string): Promise<GuildRole | null> {
  const { rows } = await db.execute<{ role: GuildRole }>(
    sql`SELECT role FROM guild_members WHERE guild_id = ${guildId} AND user_id = ${userId}`,
  );
  return rows[0]?.role ?? null;
}

export async function loadMyGuild(db: Queryable, userId: string): Promise<MyGuild> {
  const [mine, invites, requests] = await Promise.all([
    db.execute<CardRow & { role: GuildRole }>(sql`
      SELECT ${CARD_COLUMNS}, me.role ${CARD_FROM} JOIN guild_members me ON me.guild_id = g.id AND me.user_id = ${userId}`),
    db.execute<CardRow & { at: Date; inviter_id: string | null; inviter_username: string | null; inviter_name: string | null; inviter_avatar: string | null; inviter_deleted: Date | null }>(sql`
      SELECT ${CARD_COLUMNS}, i.created_at AS at, v.id AS inviter_id, v.username AS inviter_username,
        v.display_name AS inviter_name, v.avatar_url AS inviter_avatar, v.deleted_at AS inviter_deleted
      ${CARD_FROM} JOIN guild_invites i ON i.guild_id = g.id AND i.user_id = ${userId}
      LEFT JOIN users v ON v.id = i.invited_by
      WHERE g.disbanded_at IS NULL ORDER BY i.created_at DESC`),
    db.execute<CardRow & { at: Date }>(sql`
      SELECT ${CARD_COLUMNS}, r.created_at AS at
      ${CARD_FROM} JOIN guild_join_requests r ON r.guild_id = g.id AND r.user_id = ${userId}
      WHERE g.disbanded_at IS NULL ORDER BY r.created_at DESC`),
  ]);
  const own = mine.rows[0];
  return {
    guild: own ? { ...cardOf(own), myRole: own.role } : null,
    invites: invites.rows.map((r) => ({
      ...cardOf(r),
      at: new Date(r.at).toISOString(),
      invitedBy: r.inviter_id
        ? personOf({ user_id: r.inviter_id, username: r.inviter_username!, display_name: r.inviter_name, avatar_url: r.inviter_avatar, deleted_at: r.inviter_deleted })
        : null,
    })),
    requests: requests.rows.map((r) => ({ ...cardOf(r), at: new Date(r.at).toISOString() })),
  };
}

const ROLE_ORDER = sql`CASE m.role WHEN 'leader' THEN 0 WHEN 'officer' THEN 1 ELSE 2 END`;

/** The guild as `viewerId` may see it; null when it does not exist or was disbanded. */
export async function loadGuildDetail(deps: GuildServices, guildId: string, viewerId: string): Promise<GuildDetail | null> {
  const { db } = deps;
  const now = deps.now();
  const { rows } = await db.execute<CardRow>(sql`SELECT ${CARD_COLUMNS} ${CARD_FROM} WHERE g.id = ${guildId} AND g.disbanded_at IS NULL`);
  const row = rows[0];
  if (!row) return null;

  const [members, mine, facts, standing, events] = await Promise.all([
    db.execute<PersonRow & { role: GuildRole; joined_at: Date }>(sql`
      SELECT m.role, m.joined_at, u.id AS user_id, u.username, u.display_name, u.avatar_url, u.deleted_at
      FROM guild_members m JOIN users u ON u.id = m.user_id
      WHERE m.guild_id = ${guildId} ORDER BY ${ROLE_ORDER}, m.joined_at, u.id`),
    db.execute<{ guild_id: string; role: GuildRole }>(sql`SELECT guild_id, role FROM guild_members WHERE user_id = ${viewerId}`),
    db.execute<{ invited: boolean; requested: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM guild_invites WHERE guild_id = ${guildId} AND user_id = ${viewerId}) AS invited,
             EXISTS (SELECT 1 FROM guild_join_requests WHERE guild_id = ${guildId} AND user_id = ${viewerId}) AS requested`),
    loadStanding(deps, guildId, now),
    loadEvents(db, guildId, now),
  ]);
  const myMembership = mine.rows[0];
  const myRole = myMembership?.guild_id === guildId ? myMembership.role : null;
  const officer = guildRoleMay(myRole, 'reviewRequests');
  const [rooms, requests, invites] = await Promise.all([
    guildRoleMay(myRole, 'viewRooms')
      ? loadRoomSummaries(db, sql`r.guild_id = ${guildId} AND r.is_active`, { limit: 50, afterId: null }).then((p) => p.rooms)
      : [],
    officer ? loadPending(db, 'guild_join_requests', guildId) : [],
    officer ? loadPending(db, 'guild_invites', guildId) : [],
  ]);
  return {
    ...cardOf(row),
    createdAt: new Date(row.created_at).toISOString(),
    members: members.rows.map(
      (m): GuildMember => ({ ...personOf(m), role: m.role, joinedAt: new Date(m.joined_at).toISOString() }),
    ),
    myRole,
    invitedMe: facts.rows[0]!.invited,
    requestedByMe: facts.rows[0]!.requested,
    inOtherGuild: myMembership !== undefined && myRole === null,
    standing,
    events,
    rooms,
    requests,
    invites,
  };
}

async function loadPending(db: Queryable, table: 'guild_join_requests' | 'guild_invites', guildId: string): Promise<GuildPending[]> {
  const message = table === 'guild_join_requests' ? sql.raw('p.message') : sql.raw('NULL::text');
  const { rows } = await db.execute<PersonRow & { at: Date; message: string | null }>(sql`
    SELECT p.created_at AS at, ${message} AS message, u.id AS user_id, u.username, u.display_name, u.avatar_url, u.deleted_at
    FROM ${sql.raw(table)} p JOIN users u ON u.id = p.user_id
    WHERE p.guild_id = ${guildId} AND u.deleted_at IS NULL
    ORDER BY p.created_at, u.id`);
  return rows.map((r) => ({ ...personOf(r), at: new Date(r.at).toISOString(), message: r.message }));
}

async function loadStanding(deps: GuildServices, guildId: string, now: Date): Promise<GuildDetail['standing']> {
  const weekly = boardKey('guild', 'weekly', now);
  const monthly = boardKey('guild', 'monthly', now);
  const [{ rows }, week, month] = await Promise.all([
    deps.db.execute<{ board: string; seconds: number }>(sql`
      SELECT board, seconds FROM leaderboard_entries
      WHERE board IN (${weekly}, ${monthly}, 'guild:alltime') AND entity_id = ${guildId}`),
    deps.leaderboards.read(weekly, { limit: 0, entityId: guildId, around: 0 }),
    deps.leaderboards.read(monthly, { limit: 0, entityId: guildId, around: 0 }),
  ]);
  const seconds = (board: string) => Number(rows.find((r) => r.board === board)?.seconds ?? 0);
  return {
    weeklyHours: hoursOf(seconds(weekly)),
    monthlyHours: hoursOf(seconds(monthly)),
    totalHours: hoursOf(seconds('guild:alltime')),
    weeklyRank: week.me?.rank ?? null,
    monthlyRank: month.me?.rank ?? null,
  };
}

/** Events shown: the running and upcoming ones, and those that ended in the last 30 days. */
const EVENTS_SHOWN = 10;

/**
 * Challenge progress: what members watched inside the challenge's window while they were members
 * (the same rule as the guild's watch hours), time in two rooms at once counted once per person.
 */
async function loadEvents(db: Queryable, guildId: string, now: Date): Promise<GuildEvent[]> {
  const { rows } = await db.execute<
    PersonRow & { id: string; title: string; description: string; starts_at: Date; ends_at: Date; goal_hours: number; seconds: number; creator: string | null }
  >(sql`
    SELECT e.id, e.title, e.description, e.starts_at, e.ends_at, e.goal_hours, e.created_by AS creator,
      u.id AS user_id, u.username, u.display_name, u.avatar_url, u.deleted_at,
      COALESCE((
        SELECT sum(extract(epoch FROM upper(r) - lower(r)))
        FROM (
          SELECT range_agg(tstzrange(lo, hi)) AS ranges FROM (
            SELECT m.user_id,
              GREATEST(w.started_at, e.starts_at, m.joined_at) AS lo,
              LEAST(COALESCE(w.ended_at, ${now}::timestamptz), ${now}::timestamptz, e.ends_at, COALESCE(m.left_at, 'infinity'::timestamptz)) AS hi
            FROM guild_memberships m JOIN watch_sessions w ON w.user_id = m.user_id
            WHERE m.guild_id = e.guild_id
              AND w.started_at < LEAST(e.ends_at, ${now}::timestamptz, COALESCE(m.left_at, 'infinity'::timestamptz))
              AND COALESCE(w.ended_at, 'infinity'::timestamptz) > GREATEST(e.starts_at, m.joined_at)) spans
          WHERE lo < hi
          GROUP BY user_id) per_person, unnest(per_person.ranges) AS r), 0)::float8 AS seconds
    FROM guild_events e LEFT JOIN users u ON u.id = e.created_by
    WHERE e.guild_id = ${guildId} AND e.ends_at > ${now}::timestamptz - interval '30 days'
    ORDER BY (e.ends_at <= ${now}) , e.starts_at, e.id
    LIMIT ${EVENTS_SHOWN}`);
  return rows.map((r) => {
    const progressHours = hoursOf(Number(r.seconds));
    const goalHours = Number(r.goal_hours);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      goalHours,
      progressHours,
      status: guildEventStatus(new Date(r.starts_at), new Date(r.ends_at), now),
      completed: progressHours >= goalHours,
      createdBy: r.creator ? personOf(r) : null,
    };
  });
}
