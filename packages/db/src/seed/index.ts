import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import * as s from '../schema/index';
import { buildDemoRows, type DemoRows } from './build';
import { DEMO_ACCOUNT } from './catalog';

export { DEMO_ACCOUNT, DEMO_PASSWORD } from './catalog';
export { demoId } from './ids';
export { buildDemoRows, demoVideoAssetIds, type DemoRows } from './build';

/*
 * Demo data: a small, living platform (12 users, friendships, 2 guilds with chat, challenges, past
 * members, a pending invite and a join request, 5 rooms with chat, six weeks of watch sessions and the
 * XP they earned, an active event, an ad, 2 Shorts series with purchases, reactions, comments and
 * funnel analytics). Ids are stable (demoId), dates are relative to the seeding
 * time. Each uploaded episode's asset is a progressive MP4 at `videos/<asset id>/original.mp4`, which
 * the API fills with one of its generated demo clips on start (apps/api/src/modules/shorts/demo-media.ts).
 * Subtitles point at keys under demo/ for which no files ship yet.
 */

export interface SeedOptions {
  /** The moment the demo is built around (default: now). */
  now?: Date;
}

export interface SeedResult {
  /** False when the demo user already existed and nothing was written. */
  seeded: boolean;
  /** Rows written per table. */
  counts: Partial<Record<keyof DemoRows, number>>;
}

/** Tables in foreign-key order. */
const INSERT_ORDER: readonly [keyof DemoRows, PgTable][] = [
  ['users', s.users],
  ['accounts', s.accounts],
  ['friendRequests', s.friendRequests],
  ['guilds', s.guilds],
  ['guildMembers', s.guildMembers],
  ['guildMemberships', s.guildMemberships],
  ['guildInvites', s.guildInvites],
  ['guildJoinRequests', s.guildJoinRequests],
  ['guildMessages', s.guildMessages],
  ['guildEvents', s.guildEvents],
  ['rooms', s.rooms],
  ['roomMembers', s.roomMembers],
  ['roomMessages', s.roomMessages],
  ['roomMessageReactions', s.roomMessageReactions],
  ['roomInvites', s.roomInvites],
  ['watchSessions', s.watchSessions],
  ['events', s.events],
  ['badges', s.badges],
  ['eventTasks', s.eventTasks],
  ['userEventProgress', s.userEventProgress],
  ['userBadges', s.userBadges],
  ['ads', s.ads],
  ['adImpressions', s.adImpressions],
  ['creatorProfiles', s.creatorProfiles],
  ['videoAssets', s.videoAssets],
  ['series', s.series],
  ['seasons', s.seasons],
  ['episodes', s.episodes],
  ['subtitles', s.subtitles],
  ['bundles', s.bundles],
  ['transactions', s.transactions],
  ['seasonAccess', s.seasonAccess],
  ['connectedAccounts', s.connectedAccounts],
  ['payouts', s.payouts],
  ['reactions', s.reactions],
  ['comments', s.comments],
  ['reports', s.reports],
  ['featuredSlots', s.featuredSlots],
  ['notifications', s.notifications],
  ['xpLog', s.xpLog],
  ['leaderboardSnapshots', s.leaderboardSnapshots],
  ['leaderboardResets', s.leaderboardResets],
  ['analyticsEvents', s.analyticsEvents],
];

const CHUNK = 500;

async function hasDemoUser(db: Pick<Database, 'select'>): Promise<boolean> {
  const found = await db
    .select({ id: s.users.id })
    .from(s.users)
    .where(eq(sql`lower(${s.users.username})`, DEMO_ACCOUNT.username))
    .limit(1);
  return found.length > 0;
}

/** True when no user exists yet (a fresh install, where the app may offer to load the demo). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(s.users)
    .limit(1);
  return row === undefined;
}

/**
 * Writes the demo platform in one transaction. Idempotent: when the demo user exists, nothing is written.
 * Concurrent callers are serialised by an advisory lock, so two app instances starting together seed once.
 */
export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const skipped: SeedResult = { seeded: false, counts: {} };
  if (await hasDemoUser(db)) return skipped;
  const passwordHash = await hash(DEMO_ACCOUNT.password);
  const rows = buildDemoRows(options.now ?? new Date(), passwordHash);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('wt:seed-demo-data'))`);
    if (await hasDemoUser(tx)) return skipped;

    const counts: SeedResult['counts'] = {};
    for (const [key, table] of INSERT_ORDER) {
      const values = rows[key] as PgInsertValue<PgTable>[];
      for (let i = 0; i < values.length; i += CHUNK) {
        await tx.insert(table).values(values.slice(i, i + CHUNK));
      }
      counts[key] = values.length;
    }
    return { seeded: true, counts };
  });
}
