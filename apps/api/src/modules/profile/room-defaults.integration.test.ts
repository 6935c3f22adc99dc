import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { RoomDetail, UserSettings } from '@wt/schemas';
import { person, roomTestApp, trpc } from '../../../test/room-helpers';

/* Settings > Room defaults (issue 6): rooms.create uses them for what its input leaves out. */

const env = roomTestApp();
const ROOM = { name: 'Defaults night', contentUrl: 'https://youtu.be/dQw4w9WgXcQ' };

async function micOf(roomId: string): Promise<boolean> {
  const { rows } = await env.app.services.db.execute<{ mic_enabled: boolean }>(sql`SELECT mic_enabled FROM rooms WHERE id = ${roomId}`);
  return rows[0]!.mic_enabled;
}

describe('room defaults', () => {
  it('without saved defaults a room is for friends with microphones on (the settings defaults)', async () => {
    const p = await person(env.app, env.app.services.db);
    const room = await trpc<RoomDetail>(env.app, p.token, 'rooms.create', ROOM);
    expect(room.data!.visibility).toBe('friends');
    expect(await micOf(room.data!.id)).toBe(true);
  });

  it('uses the visibility and microphone saved through settings.update when the input leaves them out', async () => {
    const p = await person(env.app, env.app.services.db);
    const saved = await trpc<UserSettings>(env.app, p.token, 'settings.update', { roomDefaults: { visibility: 'private', micEnabled: false } });
    expect(saved.status).toBe(200);
    const room = await trpc<RoomDetail>(env.app, p.token, 'rooms.create', ROOM);
    expect(room.data!.visibility).toBe('private');
    expect(await micOf(room.data!.id)).toBe(false);

    await trpc(env.app, p.token, 'settings.update', { roomDefaults: { visibility: 'public', micEnabled: true } });
    const second = await trpc<RoomDetail>(env.app, p.token, 'rooms.create', ROOM);
    expect(second.data!.visibility).toBe('public');
    expect(await micOf(second.data!.id)).toBe(true);
  });

  it('what the input says wins over the defaults', async () => {
    const p = await person(env.app, env.app.services.db);
    await trpc(env.app, p.token, 'settings.update', { roomDefaults: { visibility: 'private', micEnabled: false } });
    const room = await trpc<RoomDetail>(env.app, p.token, 'rooms.create', { ...ROOM, visibility: 'public', micEnabled: true });
    expect(room.data!.visibility).toBe('public');
    expect(await micOf(room.data!.id)).toBe(true);
    // One given, the other from the defaults.
    const mixed = await trpc<RoomDetail>(env.app, p.token, 'rooms.create', { ...ROOM, visibility: 'friends' });
    expect(mixed.data!.visibility).toBe('friends');
    expect(await micOf(mixed.data!.id)).toBe(false);
  });

  it('a broken stored value falls back to the defaults', async () => {
    const p = await person(env.app, env.app.services.db);
    await env.app.services.db.execute(
      sql`UPDATE users SET settings = '{"roomDefaults":{"visibility":"galaxy","micEnabled":"loud"}}'::jsonb WHERE id = ${p.user.id}`,
    );
    const room = await trpc<RoomDetail>(env.app, p.token, 'rooms.create', ROOM);
    expect(room.data!.visibility).toBe('friends');
    expect(await micOf(room.data!.id)).toBe(true);
  });
});
