import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../test/helpers';
import { createUser, refreshCookieOf, someIp } from '../../../test/auth-helpers';

let database: TestDatabase;
let app: FastifyInstance;
let clock = Date.now();

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(
    database,
    { ADMIN_EMAIL: 'boss@example.com', PUBLIC_WEB_URL: 'https://watch.example' },
    { now: () => new Date(clock) },
  );
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const valid = () => {
  const n = Math.random().toString(36).slice(2, 8);
  return { email: `new_${n}@example.com`, username: `new_${n}`, displayName: 'New Person', password: 'glacier-moth-teapot-47' };
};

function post(url: string, payload: unknown, ip = someIp()) {
  return app.inject({ method: 'POST', url: `/api/auth${url}`, payload: payload as object, remoteAddress: ip });
}

async function latestMail(to: string): Promise<{ subject: string; text: string; html: string | null } | undefined> {
  const { rows } = await database.pool.query(
    'SELECT subject, text, html FROM mail_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1',
    [to],
  );
  return rows[0];
}

function linkToken(text: string, path: string): string {
  const match = new RegExp(`https://watch\\.example${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
}

describe('sign-up validation', () => {
  it('answers with one sentence per invalid field', async () => {
    const res = await post('/sign-up', { email: 'not-an-email', username: 'a!', displayName: '', password: 'short' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
      username: 'Usernames have at least 3 characters.',
      displayName: 'Enter a display name.',
      password: 'Use at least 10 characters for your password.',
    });
  });

  it.each([
    ['username', { username: 'has space' }, 'Use only letters, digits and underscores in your username.'],
    ['username', { username: 'x'.repeat(21) }, 'Usernames have at most 20 characters.'],
    ['displayName', { displayName: 'x'.repeat(31) }, 'Display names have at most 30 characters.'],
    ['password', { password: 'x'.repeat(129) }, 'Passwords have at most 128 characters.'],
    ['email', { email: '' }, 'Enter your email address.'],
  ])('refuses a bad %s with its sentence', async (field, patch, sentence) => {
    const res = await post('/sign-up', { ...valid(), ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ [field]: sentence });
  });

  it('refuses a missing body with a sentence per field', async () => {
    const res = await post('/sign-up', {});
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['displayName', 'email', 'password', 'username']);
  });

  it('refuses a reserved username, whatever its case', async () => {
    for (const username of ['admin', 'Root', 'WATCHTOGETHER', 'support']) {
      const res = await post('/sign-up', { ...valid(), username });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'USERNAME_RESERVED', fields: { username: expect.stringMatching(/reserved/) } });
    }
  });

  it('refuses a common password, whatever its case', async () => {
    const res = await post('/sign-up', { ...valid(), password: 'Password123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PASSWORD_TOO_COMMON', fields: { password: expect.stringMatching(/too common/) } });
  });

  it('refuses a taken email and a taken username case-insensitively', async () => {
    const existing = await createUser(database.db, { email: 'taken@example.com', username: 'Taken_Name' });
    const byEmail = await post('/sign-up', { ...valid(), email: 'TAKEN@Example.com' });
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().error).toMatchObject({ code: 'EMAIL_TAKEN', fields: { email: expect.any(String) } });
    const byUsername = await post('/sign-up', { ...valid(), username: existing.username.toUpperCase() });
    expect(byUsername.statusCode).toBe(409);
    expect(byUsername.json().error).toMatchObject({ code: 'USERNAME_TAKEN', fields: { username: 'That username is taken. Choose another one.' } });
  });
});

describe('sign-up → verification mail → verify-email → session', () => {
  const person = valid();
  let token: string;

  it('creates the account and mails a 24-hour verification link', async () => {
    const res = await post('/sign-up', { ...person, email: person.email.toUpperCase() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: 'verification_sent', email: person.email });
    expect(refreshCookieOf(res)).toBeUndefined();
    const mail = await latestMail(person.email);
    expect(mail?.subject).toMatch(/confirm/i);
    token = linkToken(mail!.text, '/verify-email');
    const { rows } = await database.pool.query('SELECT identifier, value, expires_at FROM verifications WHERE identifier LIKE $1', ['verify-email:%']);
    const row = rows.find((r: { value: string }) => r.value.length === 64);
    expect(row).toBeDefined();
    // Only the hash is stored.
    expect(rows.some((r: { value: string }) => r.value === token)).toBe(false);
    expect(new Date(row.expires_at).getTime() - clock).toBeGreaterThan(23.9 * 3600_000);
  });

  it('stores an argon2id hash, never the password', async () => {
    const { rows } = await database.pool.query(
      `SELECT a.password FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = $1 AND a.provider_id = 'credential'`,
      [person.email],
    );
    expect(rows[0].password).toMatch(/^\$argon2id\$/);
    expect(rows[0].password).not.toContain(person.password);
  });

  it('refuses sign-in before verification with EMAIL_NOT_VERIFIED', async () => {
    const res = await post('/sign-in', { login: person.email, password: person.password });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('verifies with the link token, which signs the person in', async () => {
    const res = await post('/verify-email', { token });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: person.email, username: person.username, emailVerified: true, role: 'viewer' });
    expect(body.accessToken).toEqual(expect.any(String));
    expect(refreshCookieOf(res)).toEqual(expect.any(String));
  });

  it('does not accept the same link twice', async () => {
    const res = await post('/verify-email', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
  });

  it('allows sign-in after verification', async () => {
    const res = await post('/sign-in', { login: person.username, password: person.password });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.emailVerified).toBe(true);
  });
});

describe('verification links', () => {
  it('expire after 24 hours', async () => {
    const person = valid();
    await post('/sign-up', person);
    const token = linkToken((await latestMail(person.email))!.text, '/verify-email');
    clock += 24 * 3600_000 + 1000;
    try {
      const res = await post('/verify-email', { token });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'TOKEN_EXPIRED', message: 'That link has expired. Ask for a new one.' });
    } finally {
      clock = Date.now();
    }
  });

  it('refuses a tampered or malformed token', async () => {
    for (const token of ['x'.repeat(43), 'short', 42]) {
      const res = await post('/verify-email', { token });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('TOKEN_INVALID');
    }
  });

  it('resend answers 202 for anyone and mails only an unverified account', async () => {
    const person = valid();
    await post('/sign-up', person);
    const before = (await latestMail(person.email))!.text;
    const resent = await post('/resend-verification', { email: person.email });
    expect(resent.statusCode).toBe(202);
    const after = (await latestMail(person.email))!.text;
    expect(linkToken(after, '/verify-email')).not.toBe(linkToken(before, '/verify-email'));

    const unknown = await post('/resend-verification', { email: 'nobody-here@example.com' });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(resent.body);
    expect(await latestMail('nobody-here@example.com')).toBeUndefined();
  });
});

describe('roles and modes', () => {
  it('makes ADMIN_EMAIL an admin at sign-up', async () => {
    const res = await post('/sign-up', { ...valid(), email: 'Boss@Example.com' });
    expect(res.statusCode).toBe(201);
    const { rows } = await database.pool.query(`SELECT role FROM users WHERE email = 'boss@example.com'`);
    expect(rows[0].role).toBe('admin');
  });

  it('signs in at once (201 session + cookie) when email verification is not required', async () => {
    const open = await buildTestApp(database, { REQUIRE_EMAIL_VERIFICATION: 'false' });
    try {
      const person = valid();
      const res = await open.inject({ method: 'POST', url: '/api/auth/sign-up', payload: person, remoteAddress: someIp() });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ user: { email: person.email, emailVerified: false }, accessToken: expect.any(String) });
      const cookie = res.cookies.find((c) => c.name === 'wt_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });
      expect(cookie!.maxAge).toBe(30 * 24 * 3600);
    } finally {
      await open.close();
    }
  });
});

describe('per-IP limit', () => {
  it('answers the 11th sign-up from one address within a minute with 429 and a wait', async () => {
    const ip = someIp();
    for (let i = 0; i < 10; i += 1) {
      expect((await post('/sign-up', {}, ip)).statusCode).toBe(400);
    }
    const res = await post('/sign-up', valid(), ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many requests from your network\. Wait (\d+ seconds?|1 minute) and try again\.$/) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
