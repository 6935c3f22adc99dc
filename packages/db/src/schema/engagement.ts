import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { episodes } from './content';
import { users } from './users';

/**
 * Emoji reactions at a playback position; replayed to later viewers at timestamp_ms (seed 004
 * "layered real-time with accumulated history").
 */
export const reactions = pgTable(
  'reactions',
  {
    id: uuidPk(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    timestampMs: integer('timestamp_ms').notNull(),
    ...timestamps(),
  },
  (t) => [
    // Replay window: WHERE episode_id = $1 AND timestamp_ms BETWEEN $2 AND $3.
    index('reactions_episode_id_timestamp_ms_idx').on(t.episodeId, t.timestampMs),
    index('reactions_user_id_idx').on(t.userId),
    check('reactions_timestamp_nonnegative', sql`${t.timestampMs} >= 0`),
    check('reactions_emoji_length', sql`char_length(${t.emoji}) BETWEEN 1 AND 16`),
  ],
);

/** Timestamped comments; replies point at their parent. hidden_at is set by moderation. */
export const comments = pgTable(
  'comments',
  {
    id: uuidPk(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    timestampMs: integer('timestamp_ms').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    hiddenAt: timestamptz('hidden_at'),
    ...timestamps(),
  },
  (t) => [
    index('comments_episode_id_timestamp_ms_idx').on(t.episodeId, t.timestampMs),
    index('comments_user_id_idx').on(t.userId),
    index('comments_parent_id_idx').on(t.parentId),
    check('comments_body_length', sql`char_length(${t.body}) BETWEEN 1 AND 500`),
    check('comments_timestamp_nonnegative', sql`${t.timestampMs} >= 0`),
  ],
);
