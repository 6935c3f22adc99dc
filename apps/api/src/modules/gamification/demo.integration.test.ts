import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { seedDemoData } from '@wt/db/seed';
import { boardKey, type LeaderboardView, type LeaderboardWinners } from '@wt/schemas';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../test/helpers';
import { trpc } from '../../../test/room-helpers';

/* Issue 7, demo data: on a freshly seeded platform the start-up accrual fills this week's boards. */

let database: TestDatabase;
let app: FastifyInstance;
const now = new Date();

beforeAll(async () => {
  database = await freshDatabase();
  await seedDemoData(database.db, { now });
  app = await buildTestApp(database, {}, { now: () => now });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('the demo platform', () => {
  it("shows this week's and all time's boards, and past weeks' winners, right after the start", { timeout: 90_000 }, async () => {
    const ranked = await waitFor(
      async () => {
        const { rows } = await database.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM leaderboard_entries WHERE board = $1',
          [boardKey('individual', 'weekly', now)],
        );
        return rows[0]!.n >= 10 ? rows[0]!.n : undefined;
      },
      60_000,
      "this week's board",
    );
    expect(ranked).toBeGreaterThanOrEqual(10);
    const week = await trpc<LeaderboardView>(app, '', 'leaderboard.board', { type: 'individual', period: 'weekly' }, 'query');
    expect(week.data!.entries.length).toBe(ranked);
    const guilds = await trpc<LeaderboardView>(app, '', 'leaderboard.board', { type: 'guild', period: 'alltime' }, 'query');
    expect(guilds.data!.entries.length).toBeGreaterThan(0);
    const winners = await trpc<LeaderboardWinners>(app, '', 'leaderboard.winners', { type: 'individual', period: 'weekly' }, 'query');
    expect(winners.data!.periods).toHaveLength(4);
  });
});
