import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import webpush from 'web-push';
import type { AppNotification, NotificationPage, NotificationType } from '@wt/schemas';
import { connected, createUser, openSocket, signIn, type TestUser } from '../../../test/auth-helpers';
import { buildTestApp, waitFor } from '../../../test/helpers';
import { roomTestApp, trpc } from '../../../test/room-helpers';
import { browserKeys, decryptPush, startFakePushService, type BrowserKeys, type FakePushService } from '../../../test/push-helpers';
import { notify } from './notify';

const env = roomTestApp();
let pushService: FakePushService;

beforeAll(async () => {
  pushService = await startFakePushService();
});
afterAll(async () => {
  await pushService.close();
});

interface Someone {
  user: TestUser;
  token: string;
}

async function someone(overrides: { emailVerified?: boolean } = {}): Promise<Someone> {
  const user = await createUser(env.app.services.db);
  // Unverified accounts cannot sign in: sign in first, then unverify.
  const { accessToken } = await signIn(env.app, user.username, user.password);
  if (overrides.emailVerified === false) {
    await env.app.services.db.execute(sql`UPDATE users SET email_verified = false WHERE id = ${user.id}`);
  }
  return { user, token: accessToken };
}

async function globalSocket(p: Someone): Promise<Socket> {
  const socket = await connected(openSocket(env.app, '/global', p.token));
  env.sockets.push(socket);
  return socket;
}

async function prefer(p: Someone, type: NotificationType, channels: { inApp: boolean; push: boolean; email: boolean }) {
  const saved = await trpc(env.app, p.token, 'settings.update', { notifications: { [type]: channels } });
  expect(saved.status).toBe(200);
}

let endpointCount = 0;
async function subscribe(p: Someone): Promise<{ path: string; keys: BrowserKeys }> {
  const path = `/push/${(endpointCount += 1)}`;
  const keys = browserKeys();
  const result = await trpc(env.app, p.token, 'notifications.subscribePush', { endpoint: pushService.url(path), keys: keys.json });
  expect(result.status, JSON.stringify(result.error)).toBe(200);
  return { path, keys };
}

const invite = (fromName = 'Ann') => ({
  type: 'room_invite' as const,
  payload: { roomId: '00000000-0000-4000-8000-000000000001', roomName: 'Movie night', fromUserId: '00000000-0000-4000-8000-000000000002', fromName, code: 'c0de' },
});

function nextNotification(socket: Socket, timeoutMs = 5000): Promise<AppNotification> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no notification event')), timeoutMs);
    socket.once('notification', (n: AppNotification) => {
      clearTimeout(timer);
      resolve(n);
    });
  });
}

const pushesTo = (path: string) => pushService.received.filter((r) => r.path === path);

/** Verifies the VAPID JWT (ES256) against the public key the header names, as a push service does. */
function checkVapid(authorization: string | undefined, endpointOrigin: string, publicKey: string) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization ?? '');
  expect(match, `Authorization: ${authorization}`).not.toBeNull();
  const [, jwt, k] = match!;
  expect(k).toBe(publicKey);
  const [header, claims, signature] = jwt!.split('.');
  const raw = Buffer.from(k!, 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const valid = verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'));
  expect(valid).toBe(true);
  const body = JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { aud: string; sub: string; exp: number };
  expect(body.aud).toBe(endpointOrigin);
  expect(body.sub).toMatch(/^(mailto:|https:)/);
}

describe('notify: in-app', () => {
  it('stores the notification and delivers the full DTO live to that person only', async () => {
    const bea = await someone();
    const cal = await someone();
    const beaSocket = await globalSocket(bea);
    const calSocket = await globalSocket(cal);
    const calGot: unknown[] = [];
    calSocket.on('notification', (n) => calGot.push(n));
    const live = nextNotification(beaSocket);

    const result = await notify(env.app.services, { userId: bea.user.id, ...invite() });
    const event = await live;
    expect(event).toMatchObject({
      id: result!.id,
      type: 'room_invite',
      title: 'Ann invited you to Movie night',
      body: 'Join them and watch together.',
      url: '/invite/c0de',
      payload: invite().payload,
      readAt: null,
    });
    expect(Date.parse(event.createdAt)).not.toBeNaN();

    const page = await trpc<NotificationPage>(env.app, bea.token, 'notifications.list', {}, 'query');
    expect(page.data!.items).toEqual([event]);
    // A marker event to Cal proves his socket was listening while Bea's arrived.
    const calLive = nextNotification(calSocket);
    await notify(env.app.services, { userId: cal.user.id, type: 'level_up', payload: { level: 3 } });
    expect((await calLive).title).toBe('You reached level 3');
    expect(calGot).toHaveLength(1);
  });

  it('stores nothing and emits nothing when in-app is off for the type', async () => {
    const dee = await someone();
    await prefer(dee, 'room_invite', { inApp: false, push: false, email: false });
    const socket = await globalSocket(dee);
    const got: unknown[] = [];
    socket.on('notification', (n) => got.push(n));

    expect(await notify(env.app.services, { userId: dee.user.id, ...invite() })).toBeNull();
    // Other types keep their defaults: this one arrives, and the invite before it did not.
    const live = nextNotification(socket);
    await notify(env.app.services, { userId: dee.user.id, type: 'level_up', payload: { level: 2 } });
    await live;
    expect(got).toHaveLength(1);
    const { rows } = await env.app.services.db.execute<{ type: string }>(sql`SELECT type FROM notifications WHERE user_id = ${dee.user.id}`);
    expect(rows.map((r) => r.type)).toEqual(['level_up']);
  });

  it('does nothing for a deleted account', async () => {
    const gone = await someone();
    await env.app.services.db.execute(sql`UPDATE users SET deleted_at = now() WHERE id = ${gone.user.id}`);
    expect(await notify(env.app.services, { userId: gone.user.id, ...invite() })).toBeNull();
  });

  it('still stores the in-app notification when the job queue is down (push and email are only logged)', async () => {
    const eve = await someone();
    await subscribe(eve);
    const brokenQueue = { ...env.app.services.queue, enqueue: () => Promise.reject(new Error('queue down')) };
    const result = await notify({ ...env.app.services, queue: brokenQueue }, { userId: eve.user.id, ...invite() });
    expect(result).not.toBeNull();
  });
});

describe('notify: Web Push', () => {
  it('sends an encrypted, VAPID-signed push to each subscribed browser', async () => {
    const fay = await someone();
    const phone = await subscribe(fay);
    const laptop = await subscribe(fay);
    const result = await notify(env.app.services, { userId: fay.user.id, ...invite('Gus') });

    const { publicKey } = (await env.app.inject({ method: 'GET', url: '/api/notifications/vapid-public-key' })).json() as { publicKey: string };
    for (const device of [phone, laptop]) {
      const [request] = await waitFor(async () => (pushesTo(device.path).length ? pushesTo(device.path) : undefined), 5000, 'the push');
      expect(request!.headers['content-encoding']).toBe('aes128gcm');
      expect(request!.headers.ttl).toBeDefined();
      checkVapid(request!.headers.authorization, new URL(pushService.url('/')).origin, publicKey);
      // Nothing readable without the browser's keys...
      expect(request!.body.toString('utf8')).not.toContain('Gus');
      // ...and exactly the message with them.
      expect(JSON.parse(decryptPush(request!.body, device.keys))).toEqual({
        title: 'Gus invited you to Movie night',
        body: 'Join them and watch together.',
        url: '/invite/c0de',
        tag: result!.id,
      });
    }
  });

  it('sends no push when push is off for the type', async () => {
    const hal = await someone();
    const device = await subscribe(hal);
    await prefer(hal, 'room_invite', { inApp: true, push: false, email: false });
    await notify(env.app.services, { userId: hal.user.id, ...invite() });
    // friend_request pushes by default: once it arrived, the invite (sent first) would have too.
    await notify(env.app.services, { userId: hal.user.id, type: 'friend_request', payload: { fromUsername: 'ivy' } });
    await waitFor(async () => (pushesTo(device.path).length ? true : undefined), 5000, 'the friend request push');
    await new Promise((r) => setTimeout(r, 300));
    expect(pushesTo(device.path).map((r) => JSON.parse(decryptPush(r.body, device.keys)).title)).toEqual(['ivy sent you a friend request']);
  });

  it('pushes even when in-app is off, and forgets a subscription the push service answers 410 for', async () => {
    const ida = await someone();
    await prefer(ida, 'room_invite', { inApp: false, push: true, email: false });
    const device = await subscribe(ida);
    pushService.answer(device.path, 410);
    expect(await notify(env.app.services, { userId: ida.user.id, ...invite() })).toBeNull();
    await waitFor(
      async () => {
        const { rows } = await env.app.services.db.execute(sql`SELECT 1 FROM push_subscriptions WHERE user_id = ${ida.user.id}`);
        return rows.length === 0 ? true : undefined;
      },
      5000,
      'the expired subscription to be removed',
    );
    expect(pushesTo(device.path)).toHaveLength(1);
    expect(JSON.parse(decryptPush(pushesTo(device.path)[0]!.body, device.keys)).tag).toBe('room_invite');
  });

  it('keeps the subscription when the push service fails for another reason (404 removes it too)', async () => {
    const jo = await someone();
    const flaky = await subscribe(jo);
    const gone = await subscribe(jo);
    pushService.answer(flaky.path, 400);
    pushService.answer(gone.path, 404);
    await notify(env.app.services, { userId: jo.user.id, ...invite() });
    await waitFor(
      async () => {
        const { rows } = await env.app.services.db.execute<{ endpoint: string }>(
          sql`SELECT endpoint FROM push_subscriptions WHERE user_id = ${jo.user.id}`,
        );
        return rows.length === 1 ? rows : undefined;
      },
      5000,
      'the 404 subscription to be removed',
    ).then((rows) => expect(rows[0]!.endpoint).toBe(pushService.url(flaky.path)));
    expect(pushesTo(flaky.path)).toHaveLength(1);
  });
});

describe('notify: email', () => {
  const outboxFor = async (to: string) =>
    (await env.app.services.db.execute<{ subject: string; text: string }>(sql`SELECT subject, text FROM mail_outbox WHERE "to" = ${to}`)).rows;

  it('emails a verified address when the type says email, with the link and the settings link', async () => {
    const kim = await someone();
    await prefer(kim, 'room_invite', { inApp: true, push: false, email: true });
    await notify(env.app.services, { userId: kim.user.id, ...invite() });
    const [mail] = await waitFor(async () => ((await outboxFor(kim.user.email)).length ? outboxFor(kim.user.email) : undefined), 5000, 'the email');
    expect(mail!.subject).toBe('Ann invited you to Movie night');
    expect(mail!.text).toContain('http://localhost:3000/invite/c0de');
    expect(mail!.text).toContain('http://localhost:3000/settings#notifications');
  });

  it('sends leaderboard results by email by default, and nothing to an unverified address', async () => {
    const lea = await someone();
    const max = await someone({ emailVerified: false });
    await notify(env.app.services, { userId: max.user.id, type: 'leaderboard_result', payload: { board: 'weekly', rank: 2 } });
    await notify(env.app.services, { userId: lea.user.id, type: 'leaderboard_result', payload: { board: 'weekly', rank: 2 } });
    const [mail] = await waitFor(async () => ((await outboxFor(lea.user.email)).length ? outboxFor(lea.user.email) : undefined), 5000, 'the email');
    expect(mail!.subject).toBe('You finished 2nd on the weekly leaderboard');
    await new Promise((r) => setTimeout(r, 300));
    expect(await outboxFor(max.user.email)).toEqual([]);
  });

  it('sends no email when email is off (the default for invites)', async () => {
    const ned = await someone();
    await notify(env.app.services, { userId: ned.user.id, ...invite() });
    await notify(env.app.services, { userId: ned.user.id, type: 'leaderboard_result', payload: { rank: 1 } });
    const mails = await waitFor(async () => ((await outboxFor(ned.user.email)).length ? outboxFor(ned.user.email) : undefined), 5000, 'the email');
    await new Promise((r) => setTimeout(r, 300));
    expect((await outboxFor(ned.user.email)).map((m) => m.subject)).toEqual(mails.map((m) => m.subject));
    expect(mails.map((m) => m.subject)).toEqual(['You finished 1st on the leaderboard']);
  });
});

describe('notifications.* procedures', () => {
  it('lists newest first a page at a time, counts unread, and marks read only the caller’s own', async () => {
    const ola = await someone();
    const pat = await someone();
    const ids: string[] = [];
    for (let level = 1; level <= 5; level++) {
      ids.push((await notify(env.app.services, { userId: ola.user.id, type: 'level_up', payload: { level } }))!.id);
      // Newest first is by time (millisecond clock): two in the same millisecond have no order to check.
      await new Promise((r) => setTimeout(r, 3));
    }
    const patsOwn = (await notify(env.app.services, { userId: pat.user.id, type: 'level_up', payload: { level: 9 } }))!.id;

    const first = await trpc<NotificationPage>(env.app, ola.token, 'notifications.list', { limit: 3 }, 'query');
    expect(first.data!.items.map((n) => n.title)).toEqual(['You reached level 5', 'You reached level 4', 'You reached level 3']);
    const second = await trpc<NotificationPage>(env.app, ola.token, 'notifications.list', { limit: 3, cursor: first.data!.nextCursor }, 'query');
    expect(second.data!.items.map((n) => n.title)).toEqual(['You reached level 2', 'You reached level 1']);
    expect(second.data!.nextCursor).toBeNull();

    const count = async (p: Someone) => (await trpc<{ count: number }>(env.app, p.token, 'notifications.unreadCount', undefined, 'query')).data!.count;
    expect(await count(ola)).toBe(5);

    // Pat cannot mark Ola's notifications read (nor learn they exist).
    const foreign = await trpc<{ updated: number }>(env.app, pat.token, 'notifications.markRead', { ids: [ids[0], ids[1]] });
    expect(foreign.data).toEqual({ updated: 0 });
    expect(await count(ola)).toBe(5);

    const own = await trpc<{ updated: number }>(env.app, ola.token, 'notifications.markRead', { ids: [ids[0], patsOwn] });
    expect(own.data).toEqual({ updated: 1 });
    expect(await count(ola)).toBe(4);
    expect(await count(pat)).toBe(1);
    const page = await trpc<NotificationPage>(env.app, ola.token, 'notifications.list', {}, 'query');
    expect(page.data!.items.find((n) => n.id === ids[0])!.readAt).not.toBeNull();

    expect((await trpc<{ updated: number }>(env.app, ola.token, 'notifications.markAllRead', undefined)).data).toEqual({ updated: 4 });
    expect(await count(ola)).toBe(0);
    expect(await count(pat)).toBe(1);
  });

  it('refuses bad input with a sentence, and signed-out callers', async () => {
    const quinn = await someone();
    const empty = await trpc(env.app, quinn.token, 'notifications.markRead', { ids: [] });
    expect(empty.status).toBe(400);
    expect(empty.error!.message).toContain('Choose notifications to mark read.');
    const notUuid = await trpc(env.app, quinn.token, 'notifications.markRead', { ids: ['nope'] });
    expect(notUuid.status).toBe(400);
    expect(notUuid.error!.message).toContain('That notification is not valid.');
    const badCursor = await trpc<NotificationPage>(env.app, quinn.token, 'notifications.list', { cursor: 'garbage' }, 'query');
    expect(badCursor.status).toBe(200);
    const badEndpoint = await trpc(env.app, quinn.token, 'notifications.subscribePush', { endpoint: 'not a url', keys: { p256dh: 'a', auth: 'b' } });
    expect(badEndpoint.status).toBe(400);
    expect(badEndpoint.error!.message).toContain('That push subscription has no valid endpoint.');
    for (const path of ['notifications.unreadCount', 'notifications.list']) {
      const anonymous = await env.app.inject({ method: 'GET', url: `/trpc/${path}` });
      expect(anonymous.statusCode).toBe(401);
    }
    const anonymousSubscribe = await trpc(env.app, 'not-a-token', 'notifications.subscribePush', { endpoint: pushService.url('/x'), keys: browserKeys().json });
    expect(anonymousSubscribe.status).toBe(401);
  });

  it('moves a browser’s subscription to whoever subscribes it last; only the owner unsubscribes it', async () => {
    const rae = await someone();
    const sid = await someone();
    const keys = browserKeys().json;
    const endpoint = pushService.url('/shared-browser');
    await trpc(env.app, rae.token, 'notifications.subscribePush', { endpoint, keys });
    await trpc(env.app, sid.token, 'notifications.subscribePush', { endpoint, keys });
    const owner = async () =>
      (await env.app.services.db.execute<{ user_id: string }>(sql`SELECT user_id FROM push_subscriptions WHERE endpoint = ${endpoint}`)).rows;
    expect(await owner()).toEqual([{ user_id: sid.user.id }]);

    expect((await trpc(env.app, rae.token, 'notifications.unsubscribePush', { endpoint })).data).toEqual({ removed: false });
    expect(await owner()).toHaveLength(1);
    expect((await trpc(env.app, sid.token, 'notifications.unsubscribePush', { endpoint })).data).toEqual({ removed: true });
    expect(await owner()).toEqual([]);
  });
});

describe('VAPID keys', () => {
  it('are generated once and shared by every instance on the database, and served publicly', async () => {
    const first = (await env.app.inject({ method: 'GET', url: '/api/notifications/vapid-public-key' })).json() as { publicKey: string };
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const second = await buildTestApp(env.database);
    try {
      expect(second.services.push.webPublicKey).toBe(first.publicKey);
      const viaTrpc = await second.inject({ method: 'GET', url: '/trpc/notifications.vapidPublicKey' });
      expect((viaTrpc.json() as { result: { data: { json: { publicKey: string } } } }).result.data.json.publicKey).toBe(first.publicKey);
    } finally {
      await second.close();
    }
    const { rows } = await env.app.services.db.execute(sql`SELECT 1 FROM app_secrets WHERE name = 'vapid'`);
    expect(rows).toHaveLength(1);
  });

  it('come from the environment when both keys are set', async () => {
    const pair = webpush.generateVAPIDKeys();
    const app = await buildTestApp(env.database, { VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey });
    try {
      expect(app.services.push.webPublicKey).toBe(pair.publicKey);
    } finally {
      await app.close();
    }
  });
});
