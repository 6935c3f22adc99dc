import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, freshDatabase, waitFor, type TestDatabase } from '../../../test/helpers';
import { createUser, signIn, someIp, type TestUser } from '../../../test/auth-helpers';
import { PURGE_EXPIRED_ACCOUNTS_JOB } from './jobs';

/*
 * /api/account over HTTP against the real database, with a fake clock (services.now): every flow and
 * every refusal of issue 3 items 8 and 9 that concerns the account itself.
 */

const DAY_MS = 24 * 3600 * 1000;
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

function post(url: string, accessToken: string | null, payload: unknown) {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
    remoteAddress: someIp(),
  });
}

function me(accessToken: string) {
  return app.inject({
    method: 'GET',
    url: '/api/auth/me',
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

function trySignIn(login: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { login, password },
    remoteAddress: someIp(),
  });
}

async function usersOnLandingPage(): Promise<number> {
  const res = await app.inject({ method: 'GET', url: '/trpc/platform.stats' });
  return (res.json() as { result: { data: { json: { users: number } } } }).result.data.json.users;
}

async function userRow(id: string) {
  const { rows } = await database.pool.query(
    'SELECT email, username, email_verified, deactivated_at, deleted_at FROM users WHERE id = $1',
    [id],
  );
  return rows[0] as {
    email: string;
    username: string;
    email_verified: boolean;
    deactivated_at: Date | null;
    deleted_at: Date | null;
  };
}

async function outbox(to: string): Promise<{ subject: string; text: string }[]> {
  const { rows } = await database.pool.query(
    'SELECT subject, text FROM mail_outbox WHERE "to" = $1 ORDER BY created_at',
    [to],
  );
  return rows;
}

const wrongPassword = (field: string) => ({
  error: {
    code: 'INVALID_CREDENTIALS',
    message: "That isn't your current password. Check it and try again.",
    fields: { [field]: "That isn't your current password. Check it and try again." },
  },
});

describe('every account route needs a signed-in user', () => {
  it.each(['deactivate', 'delete', 'change-password', 'change-email'])(
    'POST /api/account/%s without a token is 401',
    async (route) => {
      const res = await post(`/api/account/${route}`, null, {});
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    },
  );
});

describe('deactivate', () => {
  it('refuses a wrong or missing password and changes nothing', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const wrong = await post('/api/account/deactivate', accessToken, { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual(wrongPassword('password'));
    const missing = await post('/api/account/deactivate', accessToken, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { password: 'Enter your current password.' },
    });
    expect((await userRow(user.id)).deactivated_at).toBeNull();
    expect((await me(accessToken)).statusCode).toBe(200);
  });

  it('locks the password check after 5 wrong tries, even for the right password (per-account backoff)', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await post('/api/account/deactivate', accessToken, { password: `guess-number-${i}` })).statusCode,
      ).toBe(403);
    }
    const locked = await post('/api/account/deactivate', accessToken, { password: user.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect((await userRow(user.id)).deactivated_at).toBeNull();
  });

  it('hides the account from platform stats and signs it out; signing in within 30 days reactivates it', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const before = await usersOnLandingPage();

    const res = await post('/api/account/deactivate', accessToken, { password: user.password });
    expect(res.statusCode).toBe(204);
    expect(await usersOnLandingPage()).toBe(before - 1);
    expect((await me(accessToken)).json().error.code).toBe('SESSION_REVOKED');

    clock += 29 * DAY_MS;
    const again = await signIn(app, user.email, user.password);
    expect((await me(again.accessToken)).statusCode).toBe(200);
    expect((await userRow(user.id)).deactivated_at).toBeNull();
    expect(await usersOnLandingPage()).toBe(before);
  });

  it('after 30 days sign-in is refused and the daily job purges the account (fake clock)', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    expect((await post('/api/account/deactivate', accessToken, { password: user.password })).statusCode).toBe(
      204,
    );
    const completed = async () =>
      (await app.services.queue.counts())[PURGE_EXPIRED_ACCOUNTS_JOB]?.completed ?? 0;
    /** Runs the daily sweep through the app's queue and waits until it has finished. */
    const runDailyJob = async () => {
      const done = await completed();
      await app.services.queue.enqueue(PURGE_EXPIRED_ACCOUNTS_JOB, {});
      await waitFor(async () => ((await completed()) > done ? true : undefined), 10_000, 'the daily job');
    };

    clock += 29 * DAY_MS;
    await runDailyJob();
    expect(await userRow(user.id)).toMatchObject({ email: user.email, deleted_at: null });

    clock += 2 * DAY_MS;
    expect((await trySignIn(user.email, user.password)).json().error.code).toBe('INVALID_CREDENTIALS');
    await runDailyJob();
    const purged = await userRow(user.id);
    expect(purged).toMatchObject({
      email: `${user.id}@deleted.invalid`,
      username: expect.stringMatching(/^deleted_[0-9a-f]{8}$/),
    });
    expect(purged.deleted_at).not.toBeNull();
  });
});

describe('delete', () => {
  let user: TestUser;
  let accessToken: string;
  beforeAll(async () => {
    user = await createUser(database.db);
  });
  beforeEach(async () => {
    ({ accessToken } = await signIn(app, user.username, user.password));
  });

  it('needs the confirmation text typed exactly', async () => {
    for (const confirm of [undefined, 'delete', 'DELETE ME']) {
      const res = await post('/api/account/delete', accessToken, { password: user.password, confirm });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { confirm: 'Type DELETE in capital letters to confirm that you want your account deleted.' },
      });
    }
    expect((await userRow(user.id)).deleted_at).toBeNull();
  });

  it('needs the right password', async () => {
    const res = await post('/api/account/delete', accessToken, {
      password: 'wrong-password-1',
      confirm: 'DELETE',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(wrongPassword('password'));
    expect((await userRow(user.id)).deleted_at).toBeNull();
    expect((await me(accessToken)).statusCode).toBe(200);
  });

  it('with both: 202, signed out at once, sign-in refused, personal data purged by the job', async () => {
    const res = await post('/api/account/delete', accessToken, {
      password: user.password,
      confirm: 'DELETE',
    });
    expect(res.statusCode).toBe(202);
    expect((await me(accessToken)).statusCode).toBe(401);
    expect((await trySignIn(user.username, user.password)).json().error.code).toBe('INVALID_CREDENTIALS');
    const purged = await waitFor(
      async () => {
        const row = await userRow(user.id);
        return row.email === `${user.id}@deleted.invalid` ? row : undefined;
      },
      10_000,
      'the purge job',
    );
    expect(purged.username).not.toBe(user.username);
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM accounts WHERE user_id = $1', [
      user.id,
    ]);
    expect(rows[0]).toEqual({ n: 0 });
  });
});

describe('change password', () => {
  it('refuses a wrong current password, a short or common new one, and a new one equal to the current', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const cases = [
      {
        body: { currentPassword: 'wrong-password-1', newPassword: 'lantern-orbit-42' },
        status: 403,
        fields: wrongPassword('currentPassword').error.fields,
      },
      {
        body: { currentPassword: user.password, newPassword: 'short' },
        status: 400,
        fields: { newPassword: 'Use at least 10 characters for your password.' },
      },
      {
        body: { currentPassword: user.password, newPassword: user.password },
        status: 400,
        fields: { newPassword: 'Choose a new password that differs from your current one.' },
      },
      {
        body: { currentPassword: user.password, newPassword: 'password123' },
        status: 400,
        fields: { newPassword: 'That password is too common and easy to guess. Choose a less common one.' },
      },
    ];
    for (const { body, status, fields } of cases) {
      const res = await post('/api/account/change-password', accessToken, body);
      expect({ status: res.statusCode, fields: res.json().error.fields }).toEqual({ status, fields });
    }
    expect((await signIn(app, user.username, user.password)).accessToken).toBeTruthy();
  });

  it('sets the new password and ends every other session, keeping the current one', async () => {
    const user = await createUser(database.db);
    const older = await signIn(app, user.username, user.password);
    const current = await signIn(app, user.username, user.password);
    // One active session per user: bring the older one back to life, as if it came from before that rule.
    await database.pool.query('UPDATE sessions SET revoked_at = NULL WHERE id = $1', [older.sessionId]);
    expect((await me(older.accessToken)).statusCode).toBe(200);

    const res = await post('/api/account/change-password', current.accessToken, {
      currentPassword: user.password,
      newPassword: 'lantern-orbit-42',
    });
    expect(res.statusCode).toBe(204);
    expect((await me(older.accessToken)).json().error.code).toBe('SESSION_REVOKED');
    expect((await me(current.accessToken)).statusCode).toBe(200);
    expect((await trySignIn(user.username, user.password)).statusCode).toBe(401);
    expect((await trySignIn(user.username, 'lantern-orbit-42')).statusCode).toBe(200);
  });
});

describe('change email', () => {
  const linkIn = (text: string) => /confirm-email-change\?token=([\w-]+)/.exec(text)?.[1];

  it('refuses a wrong password, an address in use and the current address', async () => {
    const user = await createUser(database.db);
    const other = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const wrong = await post('/api/account/change-email', accessToken, {
      password: 'wrong-password-1',
      newEmail: 'x@example.com',
    });
    expect(wrong.statusCode).toBe(403);
    const taken = await post('/api/account/change-email', accessToken, {
      password: user.password,
      newEmail: other.email.toUpperCase(),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'EMAIL_TAKEN',
      fields: { newEmail: expect.any(String) },
    });
    const same = await post('/api/account/change-email', accessToken, {
      password: user.password,
      newEmail: user.email,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual({
      newEmail: 'That is already your email address. Enter the new one.',
    });
    const invalid = await post('/api/account/change-email', accessToken, {
      password: user.password,
      newEmail: 'not-an-email',
    });
    expect(invalid.json().error.fields).toEqual({
      newEmail: 'Enter a valid email address, like name@example.com.',
    });
    expect((await userRow(user.id)).email).toBe(user.email);
  });

  it('changes the address only once the link sent to the new address is opened, and tells the old one', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const newEmail = `moved_${user.username}@example.org`;

    const res = await post('/api/account/change-email', accessToken, {
      password: user.password,
      newEmail: newEmail.toUpperCase(),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'verification_sent', email: newEmail });
    expect((await userRow(user.id)).email).toBe(user.email);
    const [confirmation] = await outbox(newEmail);
    expect(confirmation?.subject).toBe('Confirm your new email address for WatchTogether');
    const token = linkIn(confirmation!.text);
    expect(token).toBeTruthy();

    const tampered = await post('/api/account/confirm-email-change', null, { token: `${token}x` });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.code).toBe('TOKEN_INVALID');
    expect((await userRow(user.id)).email).toBe(user.email);

    const confirmed = await post('/api/account/confirm-email-change', null, { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ ok: true, email: newEmail });
    expect(await userRow(user.id)).toMatchObject({ email: newEmail, email_verified: true });
    expect((await outbox(user.email)).map((m) => m.subject)).toContain(
      'Your WatchTogether email address was changed',
    );
    expect((await trySignIn(newEmail, user.password)).statusCode).toBe(200);

    const reused = await post('/api/account/confirm-email-change', null, { token });
    expect(reused.json().error.code).toBe('TOKEN_INVALID');
  });

  it('refuses the link when someone else took the address in the meantime', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    const newEmail = `race_${user.username}@example.org`;
    await post('/api/account/change-email', accessToken, { password: user.password, newEmail });
    await createUser(database.db, { email: newEmail });
    const res = await post('/api/account/confirm-email-change', null, {
      token: linkIn((await outbox(newEmail))[0]!.text),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
    expect((await userRow(user.id)).email).toBe(user.email);
  });

  it('a link older than 24 hours is refused as expired; a newer request replaces the pending one', async () => {
    const user = await createUser(database.db);
    const { accessToken } = await signIn(app, user.username, user.password);
    await post('/api/account/change-email', accessToken, {
      password: user.password,
      newEmail: `first_${user.username}@example.org`,
    });
    await post('/api/account/change-email', accessToken, {
      password: user.password,
      newEmail: `second_${user.username}@example.org`,
    });
    const first = linkIn((await outbox(`first_${user.username}@example.org`))[0]!.text);
    const second = linkIn((await outbox(`second_${user.username}@example.org`))[0]!.text);
    expect((await post('/api/account/confirm-email-change', null, { token: first })).json().error.code).toBe(
      'TOKEN_INVALID',
    );

    clock += 24 * 3600 * 1000 + 1000;
    const late = await post('/api/account/confirm-email-change', null, { token: second });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('TOKEN_EXPIRED');
    expect((await userRow(user.id)).email).toBe(user.email);
  });
});
