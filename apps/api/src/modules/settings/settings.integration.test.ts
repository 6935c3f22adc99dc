import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_NOTIFICATION_PREFERENCES, type UserSettings } from '@wt/schemas';
import { createUser, signIn } from '../../../test/auth-helpers';
import { roomTestApp, trpc } from '../../../test/room-helpers';

const env = roomTestApp();

async function signedIn() {
  const user = await createUser(env.app.services.db);
  const { accessToken } = await signIn(env.app, user.username, user.password);
  return { user, token: accessToken };
}

describe('settings.get / settings.update', () => {
  it('answers the defaults for an empty settings column', async () => {
    const { token } = await signedIn();
    const got = await trpc<UserSettings>(env.app, token, 'settings.get', undefined, 'query');
    expect(got.status).toBe(200);
    expect(got.data!.notifications).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(got.data!.privacy.profile).toBe('everyone');
    expect(got.data!.roomDefaults.visibility).toBe('friends');
  });

  it('replaces only the parts given and keeps the others (and unknown keys others wrote)', async () => {
    const { user, token } = await signedIn();
    const db = env.app.services.db;
    await db.execute(sql`UPDATE users SET settings = '{"roomDefaults":{"visibility":"public","micEnabled":false},"other":1}'::jsonb WHERE id = ${user.id}`);
    const notifications = { ...DEFAULT_NOTIFICATION_PREFERENCES, room_invite: { inApp: false, push: false, email: true } };
    const updated = await trpc<UserSettings>(env.app, token, 'settings.update', { notifications });
    expect(updated.status).toBe(200);
    expect(updated.data!.notifications.room_invite).toEqual({ inApp: false, push: false, email: true });
    expect(updated.data!.roomDefaults).toEqual({ visibility: 'public', micEnabled: false });

    const privacy = await trpc<UserSettings>(env.app, token, 'settings.update', { privacy: { profile: 'friends' } });
    expect(privacy.data!.privacy.profile).toBe('friends');
    expect(privacy.data!.notifications.room_invite.email).toBe(true);
    const { rows } = await db.execute<{ settings: Record<string, unknown> }>(sql`SELECT settings FROM users WHERE id = ${user.id}`);
    expect(rows[0]!.settings.other).toBe(1);
  });

  it('refuses bad input with a sentence and writes nothing', async () => {
    const { token } = await signedIn();
    const bad = await trpc(env.app, token, 'settings.update', { privacy: { profile: 'aliens' } });
    expect(bad.status).toBe(400);
    const got = await trpc<UserSettings>(env.app, token, 'settings.get', undefined, 'query');
    expect(got.data!.privacy.profile).toBe('everyone');
  });

  it('refuses signed-out callers', async () => {
    const anonymous = await env.app.inject({ method: 'GET', url: '/trpc/settings.get' });
    expect(anonymous.statusCode).toBe(401);
  });
});
