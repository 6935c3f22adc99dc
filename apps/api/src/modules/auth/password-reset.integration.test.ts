import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, signIn, someIp, type TestUser } from '../../../test/auth-helpers';

let database: TestDatabase;
let app: FastifyInstance;
let clock = Date.now();

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, {}, { now: () => new Date(clock) });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

beforeEach(() => {
  clock = Date.now();
});

function post(url: string, payload: unknown) {
  return app.inject({ method: 'POST', url: `/api/auth${url}`, payload: payload as object, remoteAddress: someIp() });
}

async function mailsTo(to: string): Promise<{ subject: string; text: string }[]> {
  const { rows } = await database.pool.query('SELECT subject, text FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC', [to]);
  return rows;
}

/** The reset token in the newest mail; links point at WEB_ORIGIN when PUBLIC_WEB_URL is unset. */
async function resetToken(to: string): Promise<string> {
  const [mail] = await mailsTo(to);
  const match = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match) throw new Error(`no reset link mailed to ${to}`);
  return match[1]!;
}

describe('forgot password', () => {
  it('answers 202 for an unknown email too, with the same body, and mails nothing', async () => {
    const user = await createUser(database.db);
    const known = await post('/forgot-password', { email: user.email });
    const unknown = await post('/forgot-password', { email: 'not-a-user@example.com' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(await mailsTo('not-a-user@example.com')).toHaveLength(0);
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toMatch(/reset/i);
  });

  it('refuses a malformed email with its sentence', async () => {
    const res = await post('/forgot-password', { email: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ email: 'Enter a valid email address, like name@example.com.' });
  });

  it('limits mails per address: the 6th request within a short time is 429', async () => {
    const user = await createUser(database.db);
    for (let i = 0; i < 5; i += 1) expect((await post('/forgot-password', { email: user.email })).statusCode).toBe(202);
    const res = await post('/forgot-password', { email: user.email });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/^Too many emails requested for this address\. Wait \d+ seconds and try again\.$/);
    expect(await mailsTo(user.email)).toHaveLength(5);
  });
});

describe('reset password', () => {
  let user: TestUser;
  beforeEach(async () => {
    user = await createUser(database.db);
  });

  it('sets the new password, revokes every session, and the link works once', async () => {
    const session = await signIn(app, user.username, user.password);
    await post('/forgot-password', { email: user.email });
    const token = await resetToken(user.email);
    const newPassword = 'lantern-orbit-pebble-93';

    const res = await post('/reset-password', { token, password: newPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(me.json().error.code).toBe('SESSION_REVOKED');
    expect((await post('/sign-in', { login: user.username, password: user.password })).statusCode).toBe(401);
    expect((await post('/sign-in', { login: user.username, password: newPassword })).statusCode).toBe(200);

    const again = await post('/reset-password', { token, password: 'another-fine-password-1' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');
  });

  it('refuses a link older than one hour', async () => {
    await post('/forgot-password', { email: user.email });
    const token = await resetToken(user.email);
    clock += 60 * 60_000 + 1000;
    const res = await post('/reset-password', { token, password: 'lantern-orbit-pebble-93' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'TOKEN_EXPIRED', message: 'That link has expired. Ask for a new one.' });
  });

  it('refuses a common or short password without spending the link', async () => {
    await post('/forgot-password', { email: user.email });
    const token = await resetToken(user.email);
    const common = await post('/reset-password', { token, password: 'Qwertyuiop' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({ code: 'PASSWORD_TOO_COMMON', fields: { password: expect.any(String) } });
    const short = await post('/reset-password', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: 'Use at least 10 characters for your password.' } });
    expect((await post('/reset-password', { token, password: 'lantern-orbit-pebble-93' })).statusCode).toBe(200);
  });

  it('refuses a made-up token', async () => {
    const res = await post('/reset-password', { token: 'z'.repeat(43), password: 'lantern-orbit-pebble-93' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
  });

  it('lifts the sign-in backoff of the account', async () => {
    for (let i = 0; i < 5; i += 1) await post('/sign-in', { login: user.username, password: `wrong-guess-${i}-xx` });
    expect((await post('/sign-in', { login: user.username, password: user.password })).statusCode).toBe(429);
    await post('/forgot-password', { email: user.email });
    expect((await post('/reset-password', { token: await resetToken(user.email), password: 'lantern-orbit-pebble-93' })).statusCode).toBe(200);
    expect((await post('/sign-in', { login: user.username, password: 'lantern-orbit-pebble-93' })).statusCode).toBe(200);
  });
});
