import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@wt/db/testing';
import { cleanupExpiredAuth } from './jobs';

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
let database: Db;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('auth.cleanup-expired', () => {
  it('removes expired tokens and long-ended sessions, and keeps everything still usable', async () => {
    const now = new Date('2030-03-10T12:00:00Z');
    const hours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();
    const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
    const { rows } = await q(`INSERT INTO users (username, email) VALUES ('cleaner', 'c@example.com') RETURNING id`);
    const userId = rows[0].id as string;

    await q(
      `INSERT INTO verifications (identifier, value, expires_at) VALUES
       ('old', 'x', $1), ('recently-expired', 'x', $2), ('live', 'x', $3)`,
      [hours(-48), hours(-2), hours(2)],
    );
    const session = (token: string, expires: string, revoked: string | null) =>
      q(`INSERT INTO sessions (user_id, token, expires_at, revoked_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
        userId, token, expires, revoked,
      ]);
    const expiredLongAgo = (await session('s-expired', hours(-72), null)).rows[0].id;
    await session('s-revoked-old', hours(500), hours(-30));
    await session('s-revoked-now', hours(500), hours(-1));
    await session('s-live', hours(500), null);
    await q(`INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, 'h1', $2)`, [expiredLongAgo, hours(-72)]);

    expect(await cleanupExpiredAuth(database.db, now)).toEqual({ verifications: 1, sessions: 2 });
    const left = await q(`SELECT identifier FROM verifications ORDER BY identifier`);
    expect(left.rows.map((r) => r.identifier)).toEqual(['live', 'recently-expired']);
    const sessions = await q(`SELECT token FROM sessions ORDER BY token`);
    expect(sessions.rows.map((r) => r.token)).toEqual(['s-live', 's-revoked-now']);
    expect((await q(`SELECT count(*)::int AS n FROM refresh_tokens`)).rows[0].n).toBe(0);
    // Idempotent.
    expect(await cleanupExpiredAuth(database.db, now)).toEqual({ verifications: 0, sessions: 0 });
  });
});
