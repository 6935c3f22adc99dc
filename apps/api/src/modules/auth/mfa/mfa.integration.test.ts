import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { eq } from 'drizzle-orm';
import { TOTP, URI } from 'otpauth';
import { schema } from '@wt/db';
import { authSessionSchema, mfaEnableResponse, mfaSetupResponse, mfaStatusResponse } from '@wt/schemas';
import { buildTestApp, freshDatabase, type TestDatabase } from '../../../../test/helpers';
import { createUser, refreshCookieOf, signIn, someIp, type TestUser } from '../../../../test/auth-helpers';

/*
 * MFA over HTTP against a real database, with a fake clock (services.now) driving TOTP steps, the
 * challenge expiry and the per-account backoff. One user goes through enrolment, challenges and
 * disabling in order; each step leaves the clock past the TOTP step it used.
 */

const WRONG_CODE = "That code didn't work. Check your authenticator app and try again.";
const STEP_MS = 30_000;

let database: TestDatabase;
let app: FastifyInstance;
let clock = new Date('2031-03-04T10:00:05Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

let user: TestUser;
let accessToken: string;
let totp: TOTP;
let backupCodes: string[];

const code = (offsetSteps = 0) => totp.generate({ timestamp: clock.getTime() + offsetSteps * STEP_MS });
/** A 6-digit code that is not valid anywhere in the ±1 step window now. */
const wrongCode = () => {
  const valid = [code(-1), code(0), code(1)];
  let guess = code(0);
  while (valid.includes(guess)) guess = String((Number(guess) + 1) % 1_000_000).padStart(6, '0');
  return guess;
};

function call(options: InjectOptions & { token?: string | undefined; ip?: string }) {
  const { token, ip, ...rest } = options;
  return app.inject({
    ...rest,
    remoteAddress: ip ?? someIp(),
    headers: { ...(rest.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

async function signInForChallenge(): Promise<string> {
  const response = await call({ method: 'POST', url: '/api/auth/sign-in', payload: { login: user.username, password: user.password } });
  expect(response.statusCode).toBe(200);
  const body = response.json() as { mfaRequired?: boolean; challengeToken?: string; accessToken?: string };
  expect(body.mfaRequired).toBe(true);
  expect(body.accessToken).toBeUndefined();
  expect(body.challengeToken).toEqual(expect.any(String));
  return body.challengeToken!;
}

function challenge(challengeToken: string, value: string, ip?: string) {
  return call({ method: 'POST', url: '/api/auth/mfa/challenge', payload: { challengeToken, code: value }, ...(ip ? { ip } : {}) });
}

async function status() {
  const response = await call({ method: 'GET', url: '/api/auth/mfa/status', token: accessToken });
  expect(response.statusCode).toBe(200);
  return mfaStatusResponse.parse(response.json());
}

/** A challenge answered right: the response is a session, which becomes the one the test uses. */
async function passChallenge(value: string) {
  const response = await challenge(await signInForChallenge(), value);
  expect(response.statusCode, response.body).toBe(200);
  const session = authSessionSchema.parse(response.json());
  expect(session.user.id).toBe(user.id);
  accessToken = session.accessToken;
  return response;
}

beforeAll(async () => {
  database = await freshDatabase();
  app = await buildTestApp(database, { REQUIRE_EMAIL_VERIFICATION: 'false', COOKIE_SECURE: 'false' }, { now: () => clock });
  user = await createUser(database.db);
  accessToken = (await signIn(app, user.username, user.password)).accessToken;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('MFA enrolment', () => {
  it('refuses setup without a signed-in user (401)', async () => {
    const response = await call({ method: 'POST', url: '/api/auth/mfa/setup' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await call({ method: 'GET', url: '/api/auth/mfa/status' })).statusCode).toBe(401);
  });

  it('is off to begin with', async () => {
    expect(await status()).toEqual({ enabled: false, backupCodesLeft: 0 });
  });

  it('refuses to enable before setup', async () => {
    const response = await call({ method: 'POST', url: '/api/auth/mfa/enable', token: accessToken, payload: { code: '123456' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
  });

  it('sets up a TOTP secret with its key URI and QR code, kept encrypted while pending', async () => {
    const response = await call({ method: 'POST', url: '/api/auth/mfa/setup', token: accessToken });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const setup = mfaSetupResponse.parse(response.json());
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const parsed = URI.parse(setup.otpauthUrl);
    expect(parsed).toBeInstanceOf(TOTP);
    totp = parsed as TOTP;
    expect(totp).toMatchObject({ issuer: 'WatchTogether', label: user.username, algorithm: 'SHA1', digits: 6, period: 30 });
    expect(totp.secret.base32).toBe(setup.secret);

    const pending = await database.db
      .select()
      .from(schema.verifications)
      .where(eq(schema.verifications.identifier, `mfa-setup:${user.id}`));
    expect(pending).toHaveLength(1);
    expect(pending[0]!.value).not.toContain(setup.secret);
    expect(pending[0]!.expiresAt.getTime()).toBe(clock.getTime() + 10 * 60_000);
  });

  it('refuses a malformed code field by field, and a wrong code with the sentence', async () => {
    const malformed = await call({ method: 'POST', url: '/api/auth/mfa/enable', token: accessToken, payload: { code: 'abc' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { code: 'Enter the 6-digit code from your authenticator app.' } },
    });

    const wrong = await call({ method: 'POST', url: '/api/auth/mfa/enable', token: accessToken, payload: { code: wrongCode() } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_MFA_CODE', message: WRONG_CODE, fields: { code: WRONG_CODE } } });
    expect((await status()).enabled).toBe(false);
  });

  it('enables with a code from the authenticator and hands out 10 backup codes, stored hashed', async () => {
    const response = await call({ method: 'POST', url: '/api/auth/mfa/enable', token: accessToken, payload: { code: code() } });
    expect(response.statusCode, response.body).toBe(200);
    backupCodes = mfaEnableResponse.parse(response.json()).backupCodes;
    expect(new Set(backupCodes).size).toBe(10);
    for (const backup of backupCodes) expect(backup).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);

    const [row] = await database.db.select().from(schema.twoFactors).where(eq(schema.twoFactors.userId, user.id));
    expect(row).toBeDefined();
    expect(row!.secret).not.toContain(totp.secret.base32);
    for (const backup of backupCodes) expect(row!.backupCodes).not.toContain(backup.replace('-', ''));
    expect(row!.backupCodes).not.toContain(backupCodes[0]!);
    // The pending secret is gone once enrolled.
    expect(
      await database.db.select().from(schema.verifications).where(eq(schema.verifications.identifier, `mfa-setup:${user.id}`)),
    ).toHaveLength(0);
    expect(await status()).toEqual({ enabled: true, backupCodesLeft: 10 });
  });

  it('refuses setup and enable while MFA is on', async () => {
    const setup = await call({ method: 'POST', url: '/api/auth/mfa/setup', token: accessToken });
    expect(setup.statusCode).toBe(409);
    expect(setup.json()).toMatchObject({ error: { code: 'MFA_ALREADY_ENABLED', message: expect.stringMatching(/already on/) } });
  });
});

describe('MFA sign-in challenge', () => {
  it('sign-in now answers mfaRequired; the code used to enable cannot be replayed there', async () => {
    const token = await signInForChallenge();
    const replayed = await challenge(token, code());
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json()).toMatchObject({ error: { code: 'INVALID_MFA_CODE', message: WRONG_CODE } });
  });

  it('refuses a wrong code, then a valid code starts the session with the refresh cookie', async () => {
    advance(STEP_MS);
    const token = await signInForChallenge();
    const wrong = await challenge(token, wrongCode());
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_MFA_CODE', message: WRONG_CODE } });

    // The same challenge survives the mistyped code.
    const response = await challenge(token, code());
    expect(response.statusCode, response.body).toBe(200);
    const session = authSessionSchema.parse(response.json());
    expect(session.user.id).toBe(user.id);
    const cookie = response.cookies.find((c) => c.name === 'wt_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    accessToken = session.accessToken;

    const me = await call({ method: 'GET', url: '/api/auth/me', token: accessToken });
    expect(me.statusCode).toBe(200);

    // Single use: the challenge that made a session cannot make another.
    advance(STEP_MS);
    const again = await challenge(token, code());
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
  });

  it('refuses a TOTP code that was already accepted (replay within its window)', async () => {
    advance(STEP_MS);
    const used = code();
    await passChallenge(used);
    const replay = await challenge(await signInForChallenge(), used);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ error: { code: 'INVALID_MFA_CODE' } });
    // 40 s later the used code is still inside the ±1 window (one step old): still refused, while the
    // code of the step now current works.
    advance(40_000);
    expect(code()).not.toBe(used);
    expect((await challenge(await signInForChallenge(), used)).statusCode).toBe(400);
    await passChallenge(code());
  });

  it('accepts a backup code once and not twice, in any typed form', async () => {
    advance(STEP_MS);
    await passChallenge(backupCodes[0]!);
    expect(await status()).toEqual({ enabled: true, backupCodesLeft: 9 });

    const reused = await challenge(await signInForChallenge(), backupCodes[0]!);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ error: { code: 'INVALID_MFA_CODE' } });

    await passChallenge(` ${backupCodes[1]!.replace('-', '').toUpperCase()} `);
    expect(await status()).toEqual({ enabled: true, backupCodesLeft: 8 });
  });

  it('lets only one of two simultaneous challenges with the same code through', async () => {
    for (const same of [backupCodes[2]!, (advance(STEP_MS), code())]) {
      const [first, second] = [await signInForChallenge(), await signInForChallenge()];
      const statuses = (await Promise.all([challenge(first, same), challenge(second, same)])).map((r) => r.statusCode);
      expect(statuses.sort()).toEqual([200, 400]);
    }
    // A success of its own resets the account's wrong-code count the losers left behind.
    advance(STEP_MS);
    await passChallenge(code());
    expect((await status()).backupCodesLeft).toBe(7);
  });

  it('refuses a challenge older than 5 minutes with TOKEN_EXPIRED', async () => {
    advance(STEP_MS);
    const token = await signInForChallenge();
    advance(5 * 60_000 + 1_000);
    const response = await challenge(token, code());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED', message: expect.stringMatching(/Sign in again/) } });
  });

  it('burns a challenge after 5 wrong codes, then backs the account off', async () => {
    advance(STEP_MS);
    const token = await signInForChallenge();
    const ip = someIp();
    for (let i = 0; i < 5; i++) {
      const wrong = await challenge(token, wrongCode(), ip);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_MFA_CODE' } });
    }
    const sixth = await challenge(token, code(), ip);
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json()).toMatchObject({ error: { code: 'TOKEN_INVALID', message: 'Too many wrong codes. Sign in again with your password.' } });

    // A fresh challenge does not reset the count of wrong codes for the account: 30 s backoff.
    const locked = await challenge(await signInForChallenge(), code());
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });

    advance(31_000);
    await passChallenge(code());
  });

  it('limits challenge requests per IP', async () => {
    const ip = someIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await challenge('x'.repeat(43), '123456', ip)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await challenge('x'.repeat(43), '123456', ip);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('answers a malformed challenge with field sentences', async () => {
    const response = await call({ method: 'POST', url: '/api/auth/mfa/challenge', payload: { code: '12' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { challengeToken: expect.any(String), code: expect.any(String) } },
    });
  });
});

describe('disabling MFA', () => {
  it('refuses a wrong password, then a missing or wrong code', async () => {
    advance(STEP_MS);
    const wrongPassword = await call({
      method: 'POST',
      url: '/api/auth/mfa/disable',
      token: accessToken,
      payload: { password: 'not-the-password-at-all', code: code() },
    });
    expect(wrongPassword.statusCode).toBe(403);
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', fields: { password: expect.any(String) } } });

    const noCode = await call({ method: 'POST', url: '/api/auth/mfa/disable', token: accessToken, payload: { password: user.password } });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { code: expect.any(String) } } });

    const wrong = await call({
      method: 'POST',
      url: '/api/auth/mfa/disable',
      token: accessToken,
      payload: { password: user.password, code: wrongCode() },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_MFA_CODE', message: WRONG_CODE } });
    expect((await status()).enabled).toBe(true);
  });

  it('turns MFA off with the password and a current code; sign-in is direct again', async () => {
    const response = await call({
      method: 'POST',
      url: '/api/auth/mfa/disable',
      token: accessToken,
      payload: { password: user.password, code: code() },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await status()).toEqual({ enabled: false, backupCodesLeft: 0 });
    expect(await database.db.select().from(schema.twoFactors).where(eq(schema.twoFactors.userId, user.id))).toHaveLength(0);

    const signedIn = await signIn(app, user.username, user.password);
    expect(signedIn.accessToken).toEqual(expect.any(String));
    expect(refreshCookieOf(signedIn.response)).toEqual(expect.any(String));
    accessToken = signedIn.accessToken;

    const again = await call({
      method: 'POST',
      url: '/api/auth/mfa/disable',
      token: accessToken,
      payload: { password: user.password, code: code() },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'MFA_NOT_ENABLED' } });
  });

  it('lets the user enrol again after disabling', async () => {
    const response = await call({ method: 'POST', url: '/api/auth/mfa/setup', token: accessToken });
    expect(response.statusCode).toBe(200);
    expect(mfaSetupResponse.parse(response.json()).secret).not.toBe(totp.secret.base32);
  });

  it('expires a pending setup after 10 minutes', async () => {
    const setup = mfaSetupResponse.parse((await call({ method: 'POST', url: '/api/auth/mfa/setup', token: accessToken })).json());
    advance(10 * 60_000 + 1_000);
    // The access token (15 minutes) outlives the pending setup (10 minutes).
    const fresh = await signIn(app, user.username, user.password);
    accessToken = fresh.accessToken;
    const pendingTotp = URI.parse(setup.otpauthUrl) as TOTP;
    const response = await call({
      method: 'POST',
      url: '/api/auth/mfa/enable',
      token: accessToken,
      payload: { code: pendingTotp.generate({ timestamp: clock.getTime() }) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
  });
});
