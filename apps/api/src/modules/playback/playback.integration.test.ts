import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { CreateRoomInput, PlaybackTransition, RoomDetail } from '@wt/schemas';
import { buildTestApp, type TestDatabase } from '../../../test/helpers';
import {
  roomTestApp,
  ack,
  createRoom,
  next,
  person,
  socketFor,
  type Person,
} from '../../../test/room-helpers';
import { expectOk, expectRefusal, record, sleep } from '../../../test/room-expect';

/*
 * Issue 5, the server state machine over real sockets and a real database: clock samples, who may
 * control, scheduling, stale seq, bad positions and rates, flood control, "wait for everyone" with
 * its timeout, and a restart that resumes the room where it was.
 */

const env = roomTestApp();
const { sockets } = env;
let database: TestDatabase;
let app: FastifyInstance;
beforeAll(() => ({ database, app } = env));

async function roomOf(
  names: string[],
  input: Partial<CreateRoomInput> = {},
  on: FastifyInstance = app,
): Promise<{ room: RoomDetail; people: Person[] }> {
  const people: Person[] = [];
  for (const name of names) {
    const p = await person(on, database.db, name);
    sockets.push(p.socket);
    people.push(p);
  }
  const room = await createRoom(on, people[0]!, { contentUrl: 'https://example.com/film.mp4', ...input });
  for (const p of people) expectOk(await ack(p.socket, 'room:join', { roomId: room.id }));
  return { room, people };
}

async function stored(roomId: string): Promise<{ is_playing: boolean; seq: number; position: number }> {
  const { rows } = await database.db.execute<{ is_playing: boolean; seq: number; position: number }>(sql`
    SELECT is_playing, (playback -> 'playback' ->> 'seq')::int AS seq,
           (playback -> 'playback' ->> 'positionSec')::float AS position
    FROM rooms WHERE id = ${roomId}`);
  return rows[0]!;
}

describe('clock samples', () => {
  it('answer with the server receive and send times', async () => {
    const { people } = await roomOf(['Ann']);
    const before = Date.now();
    const answer = expectOk(await ack(people[0]!.socket, 'time:sync', { t0: before }));
    const after = Date.now();
    expect(answer.t1).toBeGreaterThanOrEqual(before);
    expect(answer.t2).toBeGreaterThanOrEqual(answer.t1);
    expect(answer.t2).toBeLessThanOrEqual(after);
  });

  it('refuse a sample without a client time', async () => {
    const { people } = await roomOf(['Ann']);
    expectRefusal(await ack(people[0]!.socket, 'time:sync', { t0: 'soon' }), 'VALIDATION_FAILED');
  });
});

describe('commands', () => {
  it('are stamped, scheduled a little ahead and broadcast to everyone alike', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const snapshot = expectOk(await ack(bob.socket, 'room:join', { roomId: room.id }));
    expect(snapshot.playback.timeline.at(-1)).toMatchObject({
      mediaId: 'web:https://example.com/film.mp4',
      isPlaying: false,
      seq: 0,
    });

    const toBob = next(bob.socket, 'video:state');
    const toAnn = next(ann.socket, 'video:state');
    const sentAt = Date.now();
    const transition = expectOk(
      await ack(ann.socket, 'video:play', { roomId: room.id, positionSec: 12.5, baseSeq: 0 }),
    );
    expect(transition.cause).toBe('command');
    expect(transition.playback).toMatchObject({ isPlaying: true, positionSec: 12.5, seq: 1 });
    expect(transition.previous).toMatchObject({ isPlaying: false, seq: 0 });
    // Ahead of now by the scheduling lead (100 ms at least, 1 s at most), so everyone acts together.
    expect(transition.executeAtMs - sentAt).toBeGreaterThanOrEqual(90);
    expect(transition.executeAtMs - sentAt).toBeLessThanOrEqual(1100);
    expect((await toBob).transition).toEqual(transition);
    expect((await toAnn).transition).toEqual(transition);
    expect(await stored(room.id)).toMatchObject({ is_playing: true, seq: 1, position: 12.5 });

    const paused = expectOk(
      await ack(ann.socket, 'video:pause', { roomId: room.id, positionSec: 20, baseSeq: 1 }),
    );
    expect(paused.playback).toMatchObject({ isPlaying: false, positionSec: 20, seq: 2 });
    const seeked = expectOk(
      await ack(ann.socket, 'video:seek', { roomId: room.id, positionSec: 65, baseSeq: 2 }),
    );
    expect(seeked.playback).toMatchObject({ isPlaying: false, positionSec: 65, seq: 3 });
    const faster = expectOk(
      await ack(ann.socket, 'video:rate', { roomId: room.id, rate: 1.5, positionSec: 65, baseSeq: 3 }),
    );
    expect(faster.playback).toMatchObject({ rate: 1.5, seq: 4 });
  });

  it('are refused to members when only the leader controls, and taken from anyone when the room says so', async () => {
    const leaderOnly = await roomOf(['Ann', 'Bob']);
    const message = expectRefusal(
      await ack(leaderOnly.people[1]!.socket, 'video:play', {
        roomId: leaderOnly.room.id,
        positionSec: 0,
        baseSeq: 0,
      }),
      'FORBIDDEN',
    );
    expect(message).toBe(
      'Only the leader can control playback in this room. Ask them to let everyone control it.',
    );
    expect(await stored(leaderOnly.room.id)).toMatchObject({ is_playing: false, seq: 0 });

    const open = await roomOf(['Ann', 'Bob'], { playbackControl: 'any' });
    expectOk(
      await ack(open.people[1]!.socket, 'video:play', { roomId: open.room.id, positionSec: 0, baseSeq: 0 }),
    );
  });

  it('are refused from someone who is not in the room', async () => {
    const { room } = await roomOf(['Ann']);
    const stranger = await person(app, database.db, 'Zed');
    sockets.push(stranger.socket);
    expectRefusal(
      await ack(stranger.socket, 'video:play', { roomId: room.id, positionSec: 0, baseSeq: 0 }),
      'NOT_A_MEMBER',
    );
  });

  it('ignore a command that missed a newer one from someone else (stale seq)', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob'], { playbackControl: 'any' });
    const [ann, bob] = people as [Person, Person];
    expectOk(await ack(ann.socket, 'video:play', { roomId: room.id, positionSec: 0, baseSeq: 0 }));
    expectOk(await ack(ann.socket, 'video:seek', { roomId: room.id, positionSec: 30, baseSeq: 1 }));
    // Bob clicked pause having seen only seq 0.
    expectRefusal(
      await ack(bob.socket, 'video:pause', { roomId: room.id, positionSec: 3, baseSeq: 0 }),
      'STALE_COMMAND',
    );
    expect(await stored(room.id)).toMatchObject({ is_playing: true, seq: 2, position: 30 });
  });

  it('refuse positions outside the media, NaN and absurd rates with sentences', async () => {
    const { room, people } = await roomOf(['Ann']);
    const ann = people[0]!.socket;
    expectRefusal(
      await ack(ann, 'video:seek', { roomId: room.id, positionSec: -1, baseSeq: 0 }),
      'VALIDATION_FAILED',
    );
    // JSON turns NaN and Infinity into null.
    expectRefusal(
      await ack(ann, 'video:seek', { roomId: room.id, positionSec: Number.NaN, baseSeq: 0 }),
      'VALIDATION_FAILED',
    );
    expectRefusal(
      await ack(ann, 'video:seek', { roomId: room.id, positionSec: '12', baseSeq: 0 }),
      'VALIDATION_FAILED',
    );
    expectRefusal(
      await ack(ann, 'video:rate', { roomId: room.id, rate: 16, positionSec: 0, baseSeq: 0 }),
      'VALIDATION_FAILED',
    );
    expectRefusal(
      await ack(ann, 'video:rate', { roomId: room.id, rate: 0, positionSec: 0, baseSeq: 0 }),
      'VALIDATION_FAILED',
    );

    // Once the leader's player knows the length, positions past it are refused.
    expectOk(
      await ack(ann, 'video:duration', {
        roomId: room.id,
        mediaId: 'web:https://example.com/film.mp4',
        durationSec: 600,
      }),
    );
    expectRefusal(
      await ack(ann, 'video:seek', { roomId: room.id, positionSec: 601, baseSeq: 0 }),
      'INVALID_POSITION',
    );
    expectOk(await ack(ann, 'video:seek', { roomId: room.id, positionSec: 599, baseSeq: 0 }));
    expect(await stored(room.id)).toMatchObject({ seq: 1, position: 599 });
  });

  it('are rate limited per member without desynchronising the room', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const seen = record(bob.socket, 'video:state');
    const answers: { ok: boolean; data?: PlaybackTransition; error?: { code: string } }[] = [];
    for (let i = 0; i < 9; i += 1) {
      answers.push(await ack(ann.socket, 'video:seek', { roomId: room.id, positionSec: i * 10, baseSeq: i }));
    }
    const accepted = answers.filter((a) => a.ok);
    const refused = answers.filter((a) => !a.ok);
    expect(accepted.length).toBe(6);
    for (const r of refused) expectRefusal(r, 'RATE_LIMITED');
    await sleep(200);
    // Everyone saw exactly the accepted transitions, and the room holds the last of them.
    expect(seen.map((s) => s.transition.playback.seq)).toEqual(accepted.map((a) => a.data!.playback.seq));
    expect(await stored(room.id)).toMatchObject({ seq: 6, position: 50 });
  });
});

describe('wait for everyone', () => {
  it('pauses the room for a stalled member and resumes when the maximum wait passes', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const settings = expectOk(
      await ack(ann.socket, 'video:sync_settings', { roomId: room.id, maxWaitSec: 1 }),
    );
    expect(settings).toEqual({ waitForEveryone: true, maxWaitMs: 1000 });
    expectOk(await ack(ann.socket, 'video:play', { roomId: room.id, positionSec: 0, baseSeq: 0 }));
    // Stalls right after a play are normal and only count after the transition's grace (2 s).
    await sleep(2300);
    const pause = next(ann.socket, 'video:state', (p) => p.transition.cause === 'buffering');
    const resume = next(ann.socket, 'video:state', (p) => p.transition.cause === 'wait-timeout', 5000);
    expectOk(await ack(bob.socket, 'video:buffer', { roomId: room.id, buffering: true }));
    expect((await pause).transition.playback.isPlaying).toBe(false);
    const resumed = await resume;
    expect(resumed.transition.playback.isPlaying).toBe(true);
    // Resumed where it paused: nobody missed anything while they waited.
    expect(resumed.transition.playback.positionSec).toBeCloseTo(
      (await pause).transition.playback.positionSec,
      3,
    );
  });

  it('resumes as soon as the stalled member is ready, and never waits when it is off', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    expectOk(await ack(ann.socket, 'video:play', { roomId: room.id, positionSec: 0, baseSeq: 0 }));
    await sleep(2300);
    const pause = next(ann.socket, 'video:state', (p) => p.transition.cause === 'buffering');
    expectOk(await ack(bob.socket, 'video:buffer', { roomId: room.id, buffering: true }));
    await pause;
    const ready = next(ann.socket, 'video:state', (p) => p.transition.cause === 'all-ready');
    expectOk(await ack(bob.socket, 'video:buffer', { roomId: room.id, buffering: false }));
    expect((await ready).transition.playback.isPlaying).toBe(true);

    expectRefusal(
      await ack(bob.socket, 'video:sync_settings', { roomId: room.id, waitForEveryone: false }),
      'FORBIDDEN',
    );
    expectRefusal(
      await ack(ann.socket, 'video:sync_settings', { roomId: room.id, maxWaitSec: 31 }),
      'VALIDATION_FAILED',
    );
    expectOk(await ack(ann.socket, 'video:sync_settings', { roomId: room.id, waitForEveryone: false }));
    const states = record(ann.socket, 'video:state');
    expectOk(await ack(bob.socket, 'video:buffer', { roomId: room.id, buffering: true }));
    await sleep(300);
    expect(states).toEqual([]);
  });

  it('stops waiting for a member who leaves', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    expectOk(await ack(ann.socket, 'video:play', { roomId: room.id, positionSec: 0, baseSeq: 0 }));
    await sleep(2300);
    const pause = next(ann.socket, 'video:state', (p) => p.transition.cause === 'buffering');
    expectOk(await ack(bob.socket, 'video:buffer', { roomId: room.id, buffering: true }));
    await pause;
    const resume = next(ann.socket, 'video:state', (p) => p.transition.playback.isPlaying);
    expectOk(await ack(bob.socket, 'room:leave', { roomId: room.id }));
    expect((await resume).transition.cause).toBe('all-ready');
  });
});

describe('drift telemetry', () => {
  it('reaches the room as sync states and the room histogram', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const states = next(
      ann.socket,
      'video:sync_states',
      (p) => p.states.some((s) => s.userId === bob.user.id && s.driftMs !== null),
      4000,
    );
    expectOk(await ack(bob.socket, 'video:drift', { roomId: room.id, driftMs: 120, rttMs: 80 }));
    expect((await states).states.find((s) => s.userId === bob.user.id)).toEqual({
      userId: bob.user.id,
      driftMs: 120,
    });
    expect(app.roomSockets.driftHistogram(room.id)).toEqual([0, 1, 0, 0]);
    expectRefusal(
      await ack(bob.socket, 'video:drift', { roomId: room.id, driftMs: 'lots', rttMs: 80 }),
      'VALIDATION_FAILED',
    );
  });
});

describe('a restart', () => {
  it('resumes the room where it was: a member joining the new instance lands on the running position', async () => {
    const first = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' });
    await first.listen({ port: 0, host: '127.0.0.1' });
    const { room, people } = await roomOf(['Ann'], {}, first);
    const ann = people[0]!;
    const played = expectOk(
      await ack(ann.socket, 'video:play', { roomId: room.id, positionSec: 100, baseSeq: 0 }),
    );
    ann.socket.disconnect();
    await sleep(100);
    await first.close();

    await sleep(500);
    const again = await socketFor(app, ann);
    sockets.push(again);
    const snapshot = expectOk(await ack(again, 'room:join', { roomId: room.id }));
    const { playback } = snapshot;
    expect(playback.timeline.at(-1)).toMatchObject({ isPlaying: true, seq: 1 });
    const expected = 100 + (playback.serverNowMs - played.executeAtMs) / 1000;
    expect(playback.positionSec).toBeCloseTo(expected, 1);
    expect(playback.positionSec).toBeGreaterThan(100.4);
  });
});
