import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { buildDemoRows } from '@wt/db/seed';
import { editableProfileSchema, LIMITS, USERNAME_CHANGE_DAYS, type EditableProfile } from '@wt/schemas';
import { signIn } from '../../../test/auth-helpers';
import { purgeAccount } from '../account/purge';
import { trpc } from '../../../test/room-helpers';
import { profileTestApp, signedInUser } from '../../../test/profile-helpers';

const env = profileTestApp();
const DAY_MS = 24 * 3600 * 1000;

async function update(token: string, body: unknown) {
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/users/me/profile',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    body: response.json() as EditableProfile & { error?: { code: string; message: string; fields?: Record<string, string> } },
  };
}

function multipart(filename: string, bytes: Buffer, type = 'image/png') {
  const boundary = `----wt${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(token: string | null, filename: string, bytes: Buffer, type?: string) {
  const { payload, contentType } = multipart(filename, bytes, type);
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/users/me/avatar',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType },
    payload,
  });
  return { status: response.statusCode, body: response.json() as { avatarUrl?: string; error?: { code: string; message: string } } };
}

const png = (width = 600, height = 400, background = { r: 200, g: 60, b: 90 }) =>
  sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

describe('POST /api/users/me/profile', () => {
  it('changes display name and bio, blank clears them, and GET /me/profile reads them back', async () => {
    const me = await signedInUser(env);
    const changed = await update(me.token, { displayName: '  Night Owl  ', bio: 'Movies after midnight.' });
    expect(changed.status).toBe(200);
    expect(editableProfileSchema.parse(changed.body)).toMatchObject({ displayName: 'Night Owl', bio: 'Movies after midnight.' });
    const cleared = await update(me.token, { bio: '' });
    expect(cleared.body).toMatchObject({ displayName: 'Night Owl', bio: null });
    const read = await env.app.inject({ method: 'GET', url: '/api/users/me/profile', headers: { authorization: `Bearer ${me.token}` } });
    expect(read.json()).toMatchObject({ username: me.user.username, displayName: 'Night Owl', bio: null, usernameChangeAvailableAt: null });
  });

  it('refuses over-long fields with a sentence on the field', async () => {
    const me = await signedInUser(env);
    const long = await update(me.token, { displayName: 'x'.repeat(LIMITS.displayNameMax + 1), bio: 'y'.repeat(LIMITS.bioMax + 1) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { displayName: 'Display names have at most 30 characters.', bio: 'Bios have at most 160 characters.' },
    });
    const badName = await update(me.token, { username: 'no spaces!' });
    expect(badName.body.error?.fields?.username).toBe('Use only letters, digits and underscores in your username.');
  });

  it('refuses a taken username (case-insensitively) and a reserved one, then rate-limits changes', async () => {
    const me = await signedInUser(env);
    const other = await signedInUser(env);
    const taken = await update(me.token, { username: other.user.username.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'USERNAME_TAKEN', fields: { username: 'That username is taken. Choose another one.' } });

    const reserved = await update(me.token, { username: 'Settings' });
    expect(reserved.status).toBe(400);
    expect(reserved.body.error?.code).toBe('USERNAME_RESERVED');

    const fresh = `n_${me.user.id.slice(0, 8)}`;
    const renamed = await update(me.token, { username: fresh });
    expect(renamed.status).toBe(200);
    expect(renamed.body.username).toBe(fresh);
    expect(renamed.body.usernameChangeAvailableAt).not.toBeNull();
    // The old name is free for others now, the new one answers the profile.
    expect((await env.app.inject({ method: 'GET', url: `/api/users/${fresh}/profile` })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: `/api/users/${me.user.username}/profile` })).statusCode).toBe(404);

    const tooSoon = await update(me.token, { username: `${fresh}x` });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error?.code).toBe('USERNAME_CHANGE_TOO_SOON');
    expect(tooSoon.body.error?.fields?.username).toMatch(/^You changed your username recently\. You can change it again on \d+ \w+ \d{4}\.$/);
    // Other fields still change meanwhile, and sending the current username is no change.
    expect((await update(me.token, { username: fresh, bio: 'Still me.' })).status).toBe(200);

    env.advanceClock(USERNAME_CHANGE_DAYS * DAY_MS + 1000);
    // The access token expired meanwhile: sign in again.
    const { accessToken } = await signIn(env.app, fresh, me.user.password);
    const later = await update(accessToken, { username: `${fresh}x` });
    expect(later.status).toBe(200);
    expect(later.body.username).toBe(`${fresh}x`);
  });

  it('sets the badge showcase from earned badges only, at most 5, in one go', async () => {
    const me = await signedInUser(env);
    const db = env.app.services.db;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { rows } = await db.execute<{ id: string }>(sql`INSERT INTO badges (name) VALUES (${`Badge ${i}`}) RETURNING id`);
      ids.push(rows[0]!.id);
    }
    for (const id of ids.slice(0, 6)) await db.execute(sql`INSERT INTO user_badges (user_id, badge_id) VALUES (${me.user.id}, ${id})`);

    const first = await update(me.token, { showcase: ids.slice(0, 3) });
    expect(first.status).toBe(200);
    expect(first.body.badges.filter((b) => b.isDisplayed).map((b) => b.id).sort()).toEqual(ids.slice(0, 3).sort());

    const tooMany = await update(me.token, { showcase: ids.slice(0, 6) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.fields?.showcase).toBe('Pick at most 5 badges to show.');

    const notEarned = await update(me.token, { showcase: [ids[0], ids[6]] });
    expect(notEarned.status).toBe(400);
    expect(notEarned.body.error).toMatchObject({ code: 'BADGE_NOT_EARNED', fields: { showcase: 'You can only show badges you have earned.' } });
    // Nothing changed on refusal.
    const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM user_badges WHERE user_id = ${me.user.id} AND is_displayed`);
    expect(rows[0]!.n).toBe(3);

    const replaced = await update(me.token, { showcase: [ids[5]] });
    expect(replaced.body.badges.filter((b) => b.isDisplayed).map((b) => b.id)).toEqual([ids[5]]);
    const profile = await env.app.inject({ method: 'GET', url: `/api/users/${me.user.username}/profile` });
    expect((profile.json() as { badges: { id: string }[] }).badges.map((b) => b.id)).toEqual([ids[5]]);
    expect((await update(me.token, { showcase: [] })).body.badges.some((b) => b.isDisplayed)).toBe(false);
  });

  it('needs a signed-in user; profile.update over tRPC answers the same rules', async () => {
    const anonymous = await env.app.inject({ method: 'POST', url: '/api/users/me/profile', payload: { bio: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    const me = await signedInUser(env);
    const other = await signedInUser(env);
    const taken = await trpc(env.app, me.token, 'profile.update', { username: other.user.username });
    expect(taken.status).toBe(409);
    expect(taken.error?.message).toBe('That username is taken. Choose another one.');
    const ok = await trpc<EditableProfile>(env.app, me.token, 'profile.update', { displayName: 'Via tRPC' });
    expect(ok.data?.displayName).toBe('Via tRPC');
    const mine = await trpc<EditableProfile>(env.app, me.token, 'profile.me', undefined, 'query');
    expect(mine.data?.displayName).toBe('Via tRPC');
  });
});

describe('POST /api/users/me/avatar', () => {
  const fileOf = (url: string) => path.join(env.dataDir, 'media', url.replace(/^\/api\/media\//, ''));

  it('re-encodes a real PNG to a 256×256 WebP, serves it, and replaces and deletes the old file', async () => {
    const me = await signedInUser(env);
    const first = await upload(me.token, 'me.png', await png());
    expect(first.status).toBe(201);
    const url = first.body.avatarUrl!;
    expect(url).toMatch(new RegExp(`^/api/media/avatars/${me.user.id}/[0-9a-f]{32}\\.webp$`));

    const served = await env.app.inject({ method: 'GET', url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toContain('immutable');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });

    const profile = await env.app.inject({ method: 'GET', url: `/api/users/${me.user.username}/profile` });
    expect((profile.json() as { avatarUrl: string }).avatarUrl).toBe(url);

    const second = await upload(me.token, 'other.jpg', await sharp(await png(300, 900, { r: 20, g: 120, b: 220 })).jpeg().toBuffer(), 'image/jpeg');
    expect(second.status).toBe(201);
    expect(second.body.avatarUrl).not.toBe(url);
    expect(existsSync(fileOf(url))).toBe(false);
    expect(existsSync(fileOf(second.body.avatarUrl!))).toBe(true);

    const removed = await env.app.inject({ method: 'DELETE', url: '/api/users/me/avatar', headers: { authorization: `Bearer ${me.token}` } });
    expect(removed.json()).toEqual({ avatarUrl: null });
    expect(existsSync(fileOf(second.body.avatarUrl!))).toBe(false);
    expect((await env.app.inject({ method: 'GET', url: second.body.avatarUrl! })).statusCode).toBe(404);
  });

  it('goes with the account: the purge of a deleted account deletes the avatar file', async () => {
    const me = await signedInUser(env);
    const uploaded = await upload(me.token, 'me.png', await png(100, 100, { r: 1, g: 2, b: 3 }));
    expect(existsSync(fileOf(uploaded.body.avatarUrl!))).toBe(true);
    await env.app.services.db.execute(sql`UPDATE users SET deleted_at = now() WHERE id = ${me.user.id}`);
    const outcome = await purgeAccount(
      { db: env.app.services.db, now: env.app.services.now, log: env.app.services.log, storage: env.app.storage },
      me.user.id,
    );
    expect(outcome.status).toBe('purged');
    expect(existsSync(fileOf(uploaded.body.avatarUrl!))).toBe(false);
  });

  it('refuses a file over 2 MB', async () => {
    const me = await signedInUser(env);
    const big = Buffer.concat([await png(), Buffer.alloc(LIMITS.avatarMaxBytes, 7)]);
    const result = await upload(me.token, 'big.png', big);
    expect(result.status).toBe(413);
    expect(result.body.error).toMatchObject({ code: 'AVATAR_TOO_LARGE', message: 'Avatars can be at most 2 MB. Choose a smaller image.' });
  });

  it('reads the type from the bytes: text named .png is refused, and so is an image type we do not take', async () => {
    const me = await signedInUser(env);
    const fake = await upload(me.token, 'cat.png', Buffer.from('<?php echo "not an image"; ?>'), 'image/png');
    expect(fake.status).toBe(415);
    expect(fake.body.error?.code).toBe('AVATAR_NOT_AN_IMAGE');
    const truncated = await upload(me.token, 'half.png', (await png()).subarray(0, 60), 'image/png');
    expect(truncated.status).toBe(415);
    const tiff = await upload(me.token, 'scan.png', await sharp(await png(40, 40)).tiff().toBuffer(), 'image/png');
    expect(tiff.status).toBe(415);
    expect(tiff.body.error).toMatchObject({ code: 'AVATAR_TYPE_UNSUPPORTED', message: 'TIFF images are not supported. Choose a JPEG, PNG, WebP, GIF or AVIF picture.' });
    const { rows } = await env.app.services.db.execute<{ avatar_url: string | null }>(sql`SELECT avatar_url FROM users WHERE id = ${me.user.id}`);
    expect(rows[0]!.avatar_url).toBeNull();
  });

  it('accepts GIF, WebP and AVIF, refuses a request without a file, and needs a signed-in user', async () => {
    const me = await signedInUser(env);
    for (const [name, bytes] of [
      ['a.gif', await sharp(await png(64, 64)).gif().toBuffer()],
      ['a.webp', await sharp(await png(64, 64)).webp().toBuffer()],
      ['a.avif', await sharp(await png(64, 64)).avif().toBuffer()],
    ] as const) {
      expect((await upload(me.token, name, bytes)).status, name).toBe(201);
    }
    const empty = await env.app.inject({
      method: 'POST',
      url: '/api/users/me/avatar',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as { error: { code: string } }).error.code).toBe('AVATAR_MISSING');
    expect((await upload(null, 'a.png', await png())).status).toBe(401);
  });
});

describe('GET /api/media', () => {
  it('never leaves the media directory', async () => {
    for (const url of ['/api/media/../../etc/passwd', '/api/media/%2e%2e/%2e%2e/etc/passwd', '/api/media/avatars/..%2f..%2fx.webp', '/api/media/.env']) {
      const response = await env.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('serves the demo avatars as SVG', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/media/demo/maya.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.body).toContain('<svg');
    expect((await env.app.inject({ method: 'GET', url: '/api/media/demo/nobody.svg' })).statusCode).toBe(404);
  });

  it('has an avatar for every demo user the seed writes', async () => {
    const { users } = buildDemoRows(new Date(), 'hash');
    expect(users.length).toBeGreaterThan(5);
    for (const user of users) {
      expect(user.avatarUrl, user.username).toBe(`/api/media/demo/${user.username}.svg`);
      const response = await env.app.inject({ method: 'GET', url: user.avatarUrl! });
      expect(response.statusCode, user.username).toBe(200);
      expect(response.body).toMatch(/^<svg [^>]*width="256" height="256"/);
    }
  });
});
