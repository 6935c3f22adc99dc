import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PremiumStatus } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, signIn, someIp, type TestUser } from '../../../test/auth-helpers';
import { trpc } from '../../../test/room-helpers';
import { expirePremium, grantPremium } from './premium';

const DAY_MS = 86_400_000;
const clock = { ms: Date.parse('2026-11-30T10:00:00.000Z') };
const now = () => new Date(clock.ms);
const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS).toISOString();

let database: TestDatabase;
let app: FastifyInstance;
let adminToken: string;
let viewerToken: string;

async function setPremium(userId: string, isPremium: boolean, until: Date | null): Promise<void> {
  await database.pool.query('UPDATE users SET is_premium = $2, premium_until = $3 WHERE id = $1', [
    userId,
    isPremium,
    until,
  ]);
}

async function premiumOf(userId: string): Promise<{ is_premium: boolean; premium_until: Date | null }> {
  const { rows } = await database.pool.query<{ is_premium: boolean; premium_until: Date | null }>(
    'SELECT is_premium, premium_until FROM users WHERE id = $1',
    [userId],
  );
  return rows[0]!;
}

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' }, { now });
  const admin = await createUser(app.services.db, { role: 'admin' });
  adminToken = (await signIn(app, admin.username, admin.password)).accessToken;
  const viewer = await createUser(app.services.db);
  viewerToken = (await signIn(app, viewer.username, viewer.password)).accessToken;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('grantPremium', () => {
  it('starts from now, extends what is left, never shortens, keeps lifetime lifetime', async () => {
    const { id } = await createUser(app.services.db);
    expect(await grantPremium(app.services.db, id, 30, now())).toEqual({
      premiumUntil: new Date(plusDays(now(), 30)),
    });
    expect(await grantPremium(app.services.db, id, 1, now())).toEqual({
      premiumUntil: new Date(plusDays(now(), 31)),
    });

    // Expired but not swept: from now, not from the old end.
    await setPremium(id, true, new Date('2026-01-01T00:00:00Z'));
    expect((await grantPremium(app.services.db, id, 10, now()))!.premiumUntil!.toISOString()).toBe(
      plusDays(now(), 10),
    );

    await setPremium(id, true, null);
    expect(await grantPremium(app.services.db, id, 90, now())).toEqual({ premiumUntil: null });
    expect(await premiumOf(id)).toEqual({ is_premium: true, premium_until: null });
  });

  it('joins a transaction and rolls back with it; unknown accounts get undefined', async () => {
    const { id } = await createUser(app.services.db);
    await expect(
      app.services.db.transaction(async (tx) => {
        await grantPremium(tx, id, 30, now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await premiumOf(id)).toEqual({ is_premium: false, premium_until: null });
    expect(
      await grantPremium(app.services.db, '00000000-0000-4000-8000-000000000000', 30, now()),
    ).toBeUndefined();
    await expect(grantPremium(app.services.db, id, 0, now())).rejects.toThrow(RangeError);
  });
});

describe('premium.grant / premium.revoke (admin)', () => {
  let member: TestUser;
  beforeAll(async () => {
    member = await createUser(app.services.db);
  });

  it('grants days to a member by username in any case, then adds to them', async () => {
    const first = await trpc<PremiumStatus>(app, adminToken, 'premium.grant', {
      username: member.username.toUpperCase(),
      days: 30,
    });
    expect(first.error).toBeNull();
    expect(first.data).toEqual({
      userId: member.id,
      username: member.username,
      active: true,
      premiumUntil: plusDays(now(), 30),
    });
    const second = await trpc<PremiumStatus>(app, adminToken, 'premium.grant', {
      username: member.username,
      days: '5',
    });
    expect(second.data?.premiumUntil).toBe(plusDays(now(), 35));
  });

  it('revokes, lifetime included', async () => {
    await setPremium(member.id, true, null);
    const revoked = await trpc<PremiumStatus>(app, adminToken, 'premium.revoke', {
      username: member.username,
    });
    expect(revoked.data).toEqual({
      userId: member.id,
      username: member.username,
      active: false,
      premiumUntil: null,
    });
    expect(await premiumOf(member.id)).toEqual({ is_premium: false, premium_until: null });
  });

  it('says so for an unknown username (NOT_FOUND)', async () => {
    const result = await trpc(app, adminToken, 'premium.grant', { username: 'nobody_here', days: 30 });
    expect(result.status).toBe(404);
    expect(result.error?.message).toBe('No member is called nobody_here. Check the username and try again.');
  });

  it('refuses days out of 1..3650 with a sentence', async () => {
    const result = await trpc(app, adminToken, 'premium.grant', { username: member.username, days: 4000 });
    expect(result.status).toBe(400);
    expect(result.error?.message).toContain('Grant at most 3650 days (ten years) at once.');
  });

  it('is refused to anyone but an admin (FORBIDDEN) and to nobody signed in (UNAUTHORIZED)', async () => {
    const before = await premiumOf(member.id);
    const grant = await trpc(app, viewerToken, 'premium.grant', { username: member.username, days: 30 });
    expect(grant.status).toBe(403);
    const revoke = await trpc(app, viewerToken, 'premium.revoke', { username: member.username });
    expect(revoke.status).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/trpc/premium.grant',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ json: { username: member.username, days: 30 } }),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await premiumOf(member.id)).toEqual(before);
  });
});

describe('expiry', () => {
  it('the sweep clears the flag of ended Premium only; sign-in reports Premium by the clock meanwhile', async () => {
    const ended = await createUser(app.services.db);
    const running = await createUser(app.services.db);
    const lifetime = await createUser(app.services.db);
    await setPremium(ended.id, true, new Date(clock.ms - 1000));
    await setPremium(running.id, true, new Date(clock.ms + DAY_MS));
    await setPremium(lifetime.id, true, null);

    const isPremiumAtSignIn = async (user: TestUser) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: user.username, password: user.password },
        remoteAddress: someIp(),
      });
      return (response.json() as { user: { isPremium: boolean } }).user.isPremium;
    };
    // The flag is still set, the helper says no.
    expect(await isPremiumAtSignIn(ended)).toBe(false);
    expect(await isPremiumAtSignIn(running)).toBe(true);
    expect(await isPremiumAtSignIn(lifetime)).toBe(true);

    expect(await expirePremium(app.services.db, now())).toBeGreaterThanOrEqual(1);
    expect((await premiumOf(ended.id)).is_premium).toBe(false);
    expect((await premiumOf(running.id)).is_premium).toBe(true);
    expect(await premiumOf(lifetime.id)).toEqual({ is_premium: true, premium_until: null });
    expect(await expirePremium(app.services.db, now())).toBe(0);
  });
});
