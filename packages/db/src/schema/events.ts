import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { users } from './users';

export const badgeRarity = pgEnum('badge_rarity', ['common', 'rare', 'epic', 'legendary']);

/** Seed 000 time-limited events (community, sponsored, seasonal). */
export const events = pgTable(
  'events',
  {
    id: uuidPk(),
    title: text('title').notNull(),
    description: text('description'),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    isSponsored: boolean('is_sponsored').notNull().default(false),
    sponsorName: text('sponsor_name'),
    ...timestamps(),
  },
  (t) => [
    // Active events: WHERE starts_at <= now() AND ends_at > now().
    index('events_ends_at_starts_at_idx').on(t.endsAt, t.startsAt),
    check('events_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Badges / collectables; event_id set for event-exclusive badges. */
export const badges = pgTable(
  'badges',
  {
    id: uuidPk(),
    name: text('name').notNull(),
    description: text('description'),
    imageUrl: text('image_url'),
    rarity: badgeRarity('rarity').notNull().default('common'),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('badges_event_id_idx').on(t.eventId)],
);

export const eventTasks = pgTable(
  'event_tasks',
  {
    id: uuidPk(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    /** Seed 000: event tasks award +50..500 XP. */
    xpReward: integer('xp_reward').notNull().default(0),
    badgeId: uuid('badge_id').references(() => badges.id, { onDelete: 'set null' }),
    /**
     * What the server measures to complete the task, e.g. { "kind": "watch_hours", "target": 10 } or
     * { "kind": "watch_ad", "adId": "..." }; progress is never taken from a client's claim.
     */
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    index('event_tasks_event_id_idx').on(t.eventId),
    index('event_tasks_badge_id_idx').on(t.badgeId),
    check('event_tasks_xp_reward_range', sql`${t.xpReward} BETWEEN 0 AND 500`),
  ],
);

export const userEventProgress = pgTable(
  'user_event_progress',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => eventTasks.id, { onDelete: 'cascade' }),
    /** Measured progress towards criteria.target (e.g. seconds watched), for progress bars. */
    progress: integer('progress').notNull().default(0),
    /** Null while in progress. */
    completedAt: timestamptz('completed_at'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.taskId] }),
    index('user_event_progress_task_id_idx').on(t.taskId),
    check('user_event_progress_nonnegative', sql`${t.progress} >= 0`),
  ],
);

export const userBadges = pgTable(
  'user_badges',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    badgeId: uuid('badge_id')
      .notNull()
      .references(() => badges.id, { onDelete: 'cascade' }),
    earnedAt: timestamptz('earned_at').notNull().defaultNow(),
    /** On the profile showcase (at most 5 per user, LIMITS.badgeShowcaseMax, enforced by the service). */
    isDisplayed: boolean('is_displayed').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.badgeId] }),
    index('user_badges_badge_id_idx').on(t.badgeId),
    // Profile showcase: WHERE user_id = $1 AND is_displayed.
    index('user_badges_displayed_idx')
      .on(t.userId)
      .where(sql`${t.isDisplayed}`),
  ],
);
