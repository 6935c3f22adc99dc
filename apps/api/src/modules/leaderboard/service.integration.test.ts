import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { boardKey, type LeaderboardView, type LeaderboardWinners } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, signIn, type TestUser } from '../../../test/auth-helpers';
import { trpc } from '../../../test/room-helpers';

/* Issue 7: the leaderboard procedures a person reads, signed in or not. */

let database: TestDatabase;
let app: FastifyInstance;
const at = new Date('2026-11-25T12:00:00.000Z');
let people: TestUser[];
let guildId: string;

const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now: () => at });
  people = [];
  for (let i = 0; i < 8; i++) people.push(await createUser(app.services.db));
  const board = boardKey('individual', 'weekly', at);
  for (const [i, p] of people.entries()) {
    await q(`INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES ($1, $2, $3)`, [board, p.id, (i + 1) * 3600]);
  }
  guildId = randomUUID();
  await q(`INSERT INTO guilds (id, name, owner_id) VALUES ($1, 'Night Owls', $2)`, [guildId, people[0]!.id]);
  await q(`INSERT INTO guild_members (guild_id, user_id, role) VALUES ($1, $2, 'leader')`, [guildId, people[0]!.id]);
  await q(`INSERT INTO leaderboard_entries (board, entity_id, seconds) VALUES ($1, $2, 7200)`, [
    boardKey('guild', 'weekly', at),
    guildId,
  ]);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const board = async (token: string, input: unknown) =>
  trpc<LeaderboardView>(app, token, 'leaderboard.board', input, 'query');

describe('leaderboard.board', () => {
  it('signed out: the top with names and the period, no own rank', async () => {
    const { status, data } = await board('', { type: 'individual', period: 'weekly' });
    expect(status).toBe(200);
    expect(data!.total).toBe(8);
    expect(data!.periodStart).toBe('2026-11-23T00:00:00.000Z');
    expect(data!.periodEnd).toBe('2026-11-30T00:00:00.000Z');
    expect(data!.entries[0]).toMatchObject({ rank: 1, id: people[7]!.id, name: people[7]!.username, level: 1, watchSeconds: 8 * 3600 });
    expect(data!.me).toBeNull();
  });

  it('signed in: the viewer pinned with neighbours', async () => {
    const { accessToken } = await signIn(app, people[2]!.username, people[2]!.password);
    const { data } = await board(accessToken, { type: 'individual', period: 'weekly' });
    expect(data!.me!.rank).toBe(6);
    expect(data!.me!.neighbours.map((e) => e.rank)).toEqual([4, 5, 6, 7, 8]);
    expect(data!.me!.neighbours[2]).toMatchObject({ id: people[2]!.id, displayName: people[2]!.displayName });
  });

  it("guild boards rank the viewer's guild; a viewer in no guild has none", async () => {
    const leader = await signIn(app, people[0]!.username, people[0]!.password);
    const { data } = await board(leader.accessToken, { type: 'guild', period: 'weekly' });
    expect(data!.entries).toEqual([
      { rank: 1, id: guildId, name: 'Night Owls', displayName: null, avatarUrl: null, level: null, watchSeconds: 7200 },
    ]);
    expect(data!.me!.rank).toBe(1);
    const loner = await signIn(app, people[1]!.username, people[1]!.password);
    expect((await board(loner.accessToken, { type: 'guild', period: 'weekly' })).data!.me).toBeNull();
  });

  it('an unknown board is refused with a sentence', async () => {
    const { status, error } = await board('', { type: 'clan', period: 'weekly' });
    expect(status).toBe(400);
    expect(error!.message).toContain('Choose individual or guild.');
  });
});

describe('leaderboard.winners', () => {
  it("lists the top three of the last finished weeks from the resets' snapshots, newest first", async () => {
    for (const [snapshot, ranked] of [
      ['2026-11-09T00:00:00Z', [people[1]!, people[2]!, people[3]!, people[4]!]],
      ['2026-11-16T00:00:00Z', [people[5]!, people[6]!]],
    ] as const) {
      for (const [i, p] of ranked.entries()) {
        await q(
          `INSERT INTO leaderboard_snapshots (type, period, rank, entity_id, watch_hours, snapshot_at) VALUES ('individual', 'weekly', $1, $2, $3, $4)`,
          [i + 1, p.id, 10 - i, snapshot],
        );
      }
    }
    const { data } = await trpc<LeaderboardWinners>(app, '', 'leaderboard.winners', { type: 'individual', period: 'weekly' }, 'query');
    expect(data!.periods.map((p) => [p.periodStart, p.winners.map((w) => w.id)])).toEqual([
      ['2026-11-16T00:00:00.000Z', [people[5]!.id, people[6]!.id]],
      ['2026-11-09T00:00:00.000Z', [people[1]!.id, people[2]!.id, people[3]!.id]],
    ]);
    expect(data!.periods[1]!.winners[0]).toMatchObject({ rank: 1, name: people[1]!.username, watchSeconds: 36_000 });
  });
});
