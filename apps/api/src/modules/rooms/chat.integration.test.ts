import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { ChatMessage, CreateRoomInput, RoomDetail } from '@wt/schemas';
import { buildTestApp, type TestDatabase } from '../../../test/helpers';
import { connected, openSocket } from '../../../test/auth-helpers';
import { roomTestApp, ack, createRoom, next, person, type Person } from '../../../test/room-helpers';
import { expectOk, expectRefusal, record, sleep } from '../../../test/room-expect';

/*
 * Issue 4, "Chat" and "Bad input": messages, replies, reactions, history, the chat modes and limits,
 * and malformed payloads, over real sockets and a real database.
 */

const env = roomTestApp();
const { sockets } = env;
let database: TestDatabase;
let app: FastifyInstance;
beforeAll(() => ({ database, app } = env));

async function someone(name: string, on: FastifyInstance = app): Promise<Person> {
  const p = await person(on, database.db, name);
  sockets.push(p.socket);
  return p;
}

async function roomOf(
  names: string[],
  input: Partial<CreateRoomInput> = {},
): Promise<{ room: RoomDetail; people: Person[] }> {
  const people: Person[] = [];
  for (const name of names) people.push(await someone(name));
  const room = await createRoom(app, people[0]!, input);
  for (const p of people) expectOk(await ack(p.socket, 'room:join', { roomId: room.id }));
  return { room, people };
}

const say = (p: Person, roomId: string, content: string, replyToId?: string) =>
  ack(p.socket, 'chat:message', replyToId ? { roomId, content, replyToId } : { roomId, content });

const settings = (leader: Person, roomId: string, patch: Record<string, unknown>) =>
  ack(leader.socket, 'room:update', { roomId, patch });


describe('chat messages', () => {
  it('reach everyone else in the room, are stored, and come back in the ack', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const toBob = next(bob.socket, 'chat:message', (p) => p.message.kind === 'user');
    const toCy = next(cy.socket, 'chat:message', (p) => p.message.kind === 'user');
    const annHears = record(ann.socket, 'chat:message');
    const sent = expectOk(await say(ann, room.id, '  hello <b>there</b>  '));
    expect(sent).toMatchObject({
      roomId: room.id,
      kind: 'user',
      content: 'hello <b>there</b>',
      author: { id: ann.user.id, displayName: 'Ann' },
      replyTo: null,
      reactions: [],
    });
    expect((await toBob).message).toEqual(sent);
    expect((await toCy).message).toEqual(sent);
    await sleep(100);
    expect(annHears).toEqual([]);
    const { rows } = await database.db.execute<{ content: string }>(
      sql`SELECT content FROM room_messages WHERE id = ${sent.id}`,
    );
    expect(rows[0]!.content).toBe('hello <b>there</b>');
  });

  it('are refused to someone who has not joined (NOT_A_MEMBER), and never reach the room', async () => {
    const { room, people } = await roomOf(['Ann']);
    const [ann] = people as [Person];
    const sam = await someone('Sam');
    const annHears = record(ann.socket, 'chat:message');
    expect(expectRefusal(await say(sam, room.id, 'let me in'), 'NOT_A_MEMBER')).toBe('Join the room first.');
    expectRefusal(
      await ack(sam.socket, 'chat:history', { roomId: room.id, beforeId: randomUUID() }),
      'NOT_A_MEMBER',
    );
    await sleep(100);
    expect(annHears).toEqual([]);
  });

  it('hold 500 characters at most (VALIDATION_FAILED with a sentence) and at least one', async () => {
    const { room, people } = await roomOf(['Ann']);
    const [ann] = people as [Person];
    expect(expectRefusal(await say(ann, room.id, 'x'.repeat(501)), 'VALIDATION_FAILED')).toBe(
      'Messages have at most 500 characters.',
    );
    expectRefusal(await say(ann, room.id, 'x'.repeat(100_000)), 'VALIDATION_FAILED');
    expect(expectRefusal(await say(ann, room.id, '   '), 'VALIDATION_FAILED')).toBe('Write a message first.');
    expect(expectOk(await say(ann, room.id, 'y'.repeat(500))).content).toHaveLength(500);
  });

  it('keep an author’s own fields: extra fields in the payload change nothing', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const answer = await ack(bob.socket, 'chat:message', {
      roomId: room.id,
      content: 'I am Bob',
      kind: 'system',
      userId: ann.user.id,
      author: { id: ann.user.id },
      role: 'leader',
    });
    expect(expectOk(answer)).toMatchObject({
      kind: 'user',
      author: { id: bob.user.id },
      content: 'I am Bob',
    });
  });
});

describe('chat modes and limits', () => {
  it('slow mode: one message per person per 5 s, with a sentence saying how long to wait', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    expectOk(await settings(ann, room.id, { slowMode: true }));
    expectOk(await say(bob, room.id, 'first'));
    expect(expectRefusal(await say(bob, room.id, 'second'), 'SLOW_MODE')).toMatch(
      /^Slow mode: wait [1-5] seconds? before your next message\.$/,
    );
    // Others have their own clock, the leader included.
    expectOk(await say(cy, room.id, 'me too'));
    expectOk(await say(ann, room.id, 'calm down'));
    expectRefusal(await say(ann, room.id, 'really'), 'SLOW_MODE');

    env.advanceClock(6_000);
    expectOk(await say(bob, room.id, 'second, later'));
    expectOk(await settings(ann, room.id, { slowMode: false }));
    expectOk(await say(bob, room.id, 'third'));
  });

  it('slow mode counts per room: a message elsewhere does not hold you back', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const other = await createRoom(app, ann);
    expectOk(await ack(bob.socket, 'room:join', { roomId: other.id }));
    expectOk(await settings(ann, room.id, { slowMode: true }));
    expectOk(await say(bob, other.id, 'over there'));
    expectOk(await say(bob, room.id, 'over here'));
  });

  it('mods only: members are refused (CHAT_MODS_ONLY), moderators and the leader write', async () => {
    const { room, people } = await roomOf(['Ann', 'Mo', 'Bob'], { chatMode: 'mods' });
    const [ann, mo, bob] = people as [Person, Person, Person];
    expectOk(
      await ack(ann.socket, 'room:moderator', { roomId: room.id, userId: mo.user.id, moderator: true }),
    );
    expect(expectRefusal(await say(bob, room.id, 'hi'), 'CHAT_MODS_ONLY')).toBe(
      'Only the leader and moderators can chat in this room right now.',
    );
    expectOk(await say(mo, room.id, 'mods here'));
    expectOk(await say(ann, room.id, 'leader here'));
    expectOk(await settings(ann, room.id, { chatMode: 'all' }));
    expectOk(await say(bob, room.id, 'finally'));
  });

  it('off: nobody writes (CHAT_OFF), the leader included', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const modeSeen = next(bob.socket, 'room:updated');
    expectOk(await settings(ann, room.id, { chatMode: 'off' }));
    expect((await modeSeen).room.chatMode).toBe('off');
    expect(expectRefusal(await say(bob, room.id, 'hello?'), 'CHAT_OFF')).toBe(
      'The leader turned chat off in this room.',
    );
    expectRefusal(await say(ann, room.id, 'quiet please'), 'CHAT_OFF');
    const { rows } = await database.db.execute(
      sql`SELECT 1 FROM room_messages WHERE room_id = ${room.id} AND kind = 'user'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('muted: the member cannot write (MUTED) until unmuted; others still can', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    expectOk(await ack(ann.socket, 'room:mute', { roomId: room.id, userId: bob.user.id, muted: true }));
    const annHears = record(ann.socket, 'chat:message');
    expect(expectRefusal(await say(bob, room.id, 'can you hear me'), 'MUTED')).toBe(
      'You were muted in this room: you cannot chat or speak.',
    );
    expectOk(await say(cy, room.id, 'I can'));
    await sleep(100);
    expect(annHears.map((m) => m.message.content)).toEqual(['I can']);
    expectOk(await ack(ann.socket, 'room:mute', { roomId: room.id, userId: bob.user.id, muted: false }));
    expectOk(await say(bob, room.id, 'back'));
  });

  it('rate limit: five messages per person per 5 s, every room together (RATE_LIMITED)', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const other = await createRoom(app, ann);
    expectOk(await ack(bob.socket, 'room:join', { roomId: other.id }));
    for (let i = 0; i < 3; i += 1) expectOk(await say(bob, room.id, `here ${i}`));
    for (let i = 0; i < 2; i += 1) expectOk(await say(bob, other.id, `there ${i}`));
    expect(expectRefusal(await say(bob, room.id, 'one more'), 'RATE_LIMITED')).toMatch(
      /^You are sending messages too fast\. Wait [1-5] seconds? and try again\.$/,
    );
    expectRefusal(await say(bob, other.id, 'one more there'), 'RATE_LIMITED');
    // Someone else is not slowed down by Bob.
    expectOk(await say(ann, room.id, 'I am fine'));
    env.advanceClock(5_000);
    expectOk(await say(bob, room.id, 'later'));
  });
});

describe('replies', () => {
  it('carry who and what they answer, to everyone', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const long = `Who brought snacks? ${'a'.repeat(120)}`;
    const original = expectOk(await say(ann, room.id, long));
    const toAnn = next(ann.socket, 'chat:message', (p) => p.message.kind === 'user');
    const reply = expectOk(await say(bob, room.id, 'I did', original.id));
    expect(reply.replyTo).toEqual({ id: original.id, author: 'Ann', excerpt: `${long.slice(0, 79)}…` });
    expect((await toAnn).message.replyTo?.id).toBe(original.id);
  });

  it('to a message of another room stand without the link', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const other = await createRoom(app, ann);
    expectOk(await ack(ann.socket, 'room:join', { roomId: other.id }));
    const elsewhere = expectOk(await say(ann, other.id, 'elsewhere'));
    expect(expectOk(await say(bob, room.id, 'hm', elsewhere.id)).replyTo).toBeNull();
    expectRefusal(
      await ack(bob.socket, 'chat:message', { roomId: room.id, content: 'hm', replyToId: 'nope' }),
      'VALIDATION_FAILED',
    );
  });
});

describe('reactions', () => {
  it('toggle per person and emoji, broadcast to the room with counts', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const message = expectOk(await say(ann, room.id, 'great scene'));
    const react = (p: Person, emoji: string) =>
      ack(p.socket, 'chat:react', { roomId: room.id, messageId: message.id, emoji });

    const seen = next(cy.socket, 'chat:reaction');
    expectOk(await react(bob, '🔥'));
    expect(await seen).toEqual({
      roomId: room.id,
      messageId: message.id,
      userId: bob.user.id,
      reactions: [{ emoji: '🔥', count: 1, mine: true }],
    });

    expectOk(await react(ann, '🔥'));
    const second = next(ann.socket, 'chat:reaction');
    expectOk(await react(ann, '😂'));
    expect((await second).reactions).toEqual([
      { emoji: '🔥', count: 2, mine: true },
      { emoji: '😂', count: 1, mine: true },
    ]);

    const undone = next(cy.socket, 'chat:reaction', (p) => p.userId === bob.user.id);
    expectOk(await react(bob, '🔥'));
    expect(await undone).toMatchObject({
      userId: bob.user.id,
      reactions: [
        { emoji: '🔥', count: 1, mine: false },
        { emoji: '😂', count: 1, mine: false },
      ],
    });

    const history = expectOk(await ack(cy.socket, 'room:join', { roomId: room.id }));
    expect(history.messages.find((m) => m.id === message.id)?.reactions).toEqual([
      { emoji: '🔥', count: 1, mine: false },
      { emoji: '😂', count: 1, mine: false },
    ]);
  });

  it('are refused for emoji outside the set, system lines, other rooms and outsiders', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    const message = expectOk(await say(ann, room.id, 'react to me'));
    expectRefusal(
      await ack(bob.socket, 'chat:react', { roomId: room.id, messageId: message.id, emoji: '💩' }),
      'VALIDATION_FAILED',
    );
    const { rows } = await database.db.execute<{ id: string }>(
      sql`SELECT id FROM room_messages WHERE room_id = ${room.id} AND kind = 'system' LIMIT 1`,
    );
    expect(
      expectRefusal(
        await ack(bob.socket, 'chat:react', { roomId: room.id, messageId: rows[0]!.id, emoji: '👍' }),
        'VALIDATION_FAILED',
      ),
    ).toBe('That message is not in this room any more.');
    const other = await createRoom(app, ann);
    expectOk(await ack(ann.socket, 'room:join', { roomId: other.id }));
    const elsewhere = expectOk(await say(ann, other.id, 'elsewhere'));
    expectRefusal(
      await ack(bob.socket, 'chat:react', { roomId: room.id, messageId: elsewhere.id, emoji: '👍' }),
      'VALIDATION_FAILED',
    );
    expectRefusal(
      await ack(bob.socket, 'chat:react', { roomId: other.id, messageId: elsewhere.id, emoji: '👍' }),
      'NOT_A_MEMBER',
    );
    const { rows: reactions } = await database.db.execute(
      sql`SELECT 1 FROM room_message_reactions WHERE user_id = ${bob.user.id}`,
    );
    expect(reactions).toHaveLength(0);
  });
});

describe('history', () => {
  it('shows the last 100 on join and pages upward by 100 until the first message', async () => {
    const ann = await someone('Ann');
    const room = await createRoom(app, ann);
    await database.db.execute(sql`
      INSERT INTO room_messages (room_id, user_id, kind, content, created_at, updated_at)
      SELECT ${room.id}, ${ann.user.id}, 'user', 'm' || i, now() - make_interval(secs => 1000 - i), now()
      FROM generate_series(1, 250) AS i ORDER BY i`);
    const snap = expectOk(await ack(ann.socket, 'room:join', { roomId: room.id }));
    expect(snap.messages).toHaveLength(100);
    expect(snap.hasMoreMessages).toBe(true);
    expect(snap.messages.at(-1)!.content).toBe('Ann joined');
    expect(snap.messages[0]!.content).toBe('m152');

    const all: ChatMessage[] = [...snap.messages];
    let more = true;
    const pages: number[] = [];
    while (more) {
      const page = expectOk(await ack(ann.socket, 'chat:history', { roomId: room.id, beforeId: all[0]!.id }));
      pages.push(page.messages.length);
      all.unshift(...page.messages);
      more = page.hasMore;
    }
    expect(pages).toEqual([100, 51]);
    expect(all.map((m) => m.content)).toEqual([
      ...Array.from({ length: 250 }, (_, i) => `m${i + 1}`),
      'Ann joined',
    ]);
    expect(new Set(all.map((m) => m.id)).size).toBe(251);
  });

  it('refuses a malformed cursor and answers nothing for a message of another room', async () => {
    const { room, people } = await roomOf(['Ann']);
    const [ann] = people as [Person];
    expectRefusal(
      await ack(ann.socket, 'chat:history', { roomId: room.id, beforeId: 'latest' }),
      'VALIDATION_FAILED',
    );
    const page = expectOk(await ack(ann.socket, 'chat:history', { roomId: room.id, beforeId: randomUUID() }));
    expect(page).toEqual({ messages: [], hasMore: false });
  });

  it('survives an API restart: a new app on the same database shows the chat on join', async () => {
    const first = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' });
    await first.listen({ port: 0, host: '127.0.0.1' });
    const ann = await someone('Ann', first);
    const bob = await someone('Bob', first);
    const room = await createRoom(first, ann);
    expectOk(await ack(ann.socket, 'room:join', { roomId: room.id }));
    expectOk(await ack(bob.socket, 'room:join', { roomId: room.id }));
    const hello = expectOk(await say(ann, room.id, 'see you after the restart'));
    expectOk(await ack(bob.socket, 'chat:react', { roomId: room.id, messageId: hello.id, emoji: '👍' }));
    // Heard by the room but still queued for the table when the app shuts down: the shutdown stores it.
    const bobHears = next(bob.socket, 'chat:message', (p) => p.message.content === 'last words');
    ann.socket.emit('chat:message', { roomId: room.id, content: 'last words' });
    await bobHears;
    ann.socket.disconnect();
    bob.socket.disconnect();
    await first.close();

    const second = await buildTestApp(database, { RATE_LIMIT_PER_MINUTE: '100000' });
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const socket = await connected(openSocket(second, '/rooms', bob.token));
      sockets.push(socket);
      const snap = expectOk(await ack(socket, 'room:join', { roomId: room.id }));
      expect(snap.you.userId).toBe(bob.user.id);
      expect(snap.room.leader.id).toBe(ann.user.id);
      const kept = snap.messages.find((m) => m.id === hello.id);
      expect(kept).toMatchObject({
        content: 'see you after the restart',
        author: { id: ann.user.id },
        reactions: [{ emoji: '👍', count: 1, mine: true }],
      });
      expect(snap.messages.map((m) => m.content)).toEqual([
        'Ann joined',
        'Bob joined',
        'see you after the restart',
        'last words',
      ]);
      socket.disconnect();
    } finally {
      await second.close();
    }
  });
});

describe('malformed payloads', () => {
  const cases: [string, (roomId: string) => unknown][] = [
    ['a string', () => 'hello'],
    ['a number', () => 42],
    ['null', () => null],
    ['an array', (roomId) => [{ roomId, content: 'hi' }]],
    ['a buffer', () => Buffer.from('hello')],
    ['no roomId', () => ({ content: 'hi' })],
    ['a roomId that is not an id', () => ({ roomId: 'lobby', content: 'hi' })],
    ['a roomId of the wrong type', () => ({ roomId: 42, content: 'hi' })],
    ['no content', (roomId) => ({ roomId })],
    ['content of the wrong type', (roomId) => ({ roomId, content: { text: 'hi' } })],
    ['content as an array', (roomId) => ({ roomId, content: ['hi'] })],
    ['a reply id of the wrong type', (roomId) => ({ roomId, content: 'hi', replyToId: 12 })],
  ];

  it.each(cases)(
    'refuses %s with VALIDATION_FAILED and a sentence, keeping every socket connected',
    async (_name, junk) => {
      const { room, people } = await roomOf(['Ann', 'Bob']);
      const [ann, bob] = people as [Person, Person];
      const bobHears = record(bob.socket, 'chat:message');
      expectRefusal(await ack(ann.socket, 'chat:message', junk(room.id)), 'VALIDATION_FAILED');
      expect(ann.socket.connected).toBe(true);
      const toBob = next(bob.socket, 'chat:message', (p) => p.message.content === 'still here');
      expectOk(await say(ann, room.id, 'still here'));
      await toBob;
      expect(bobHears.map((m) => m.message.content)).toEqual(['still here']);
    },
  );

  it('refuses every event’s junk the same way, and the room keeps working for others', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob', 'Cy']);
    const [ann, bob, cy] = people as [Person, Person, Person];
    const events = [
      'room:join',
      'room:leave',
      'chat:message',
      'chat:history',
      'chat:react',
      'room:kick',
      'room:mute',
      'room:transfer',
      'room:moderator',
      'room:mic_toggle',
      'room:update',
      'room:content',
      'video:buffer',
    ] as const;
    // Join and leave need nothing but the room id, so a payload carrying it is not junk for them.
    const wrongFields = {
      roomId: room.id,
      userId: 5,
      patch: 'all',
      url: 7,
      enabled: 'y',
      buffering: 1,
      messageId: 'm',
      beforeId: 2,
      content: 3,
    };
    let sent = 0;
    for (const event of events) {
      const junks: unknown[] = [undefined, 'x', 7, [], {}, { roomId: 'x' }];
      if (event !== 'room:join' && event !== 'room:leave') junks.push(wrongFields);
      for (const junk of junks) {
        // Stay under the per-socket event budget (30 a second): this test is about payloads, not floods.
        if (++sent % 20 === 0) await sleep(1000);
        expectRefusal(await ack(bob.socket, event, junk), 'VALIDATION_FAILED');
      }
    }
    expect(bob.socket.connected).toBe(true);
    const toCy = next(cy.socket, 'chat:message', (p) => p.message.kind === 'user');
    expectOk(await say(ann, room.id, 'all good'));
    expect((await toCy).message.content).toBe('all good');
    expectOk(await say(bob, room.id, 'me too'));
    const { rows } = await database.db.execute(
      sql`SELECT 1 FROM room_members WHERE room_id = ${room.id} AND left_at IS NULL`,
    );
    expect(rows).toHaveLength(3);
  });

  it('handles events sent without an ack callback, valid or not, without dropping the socket', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    ann.socket.emit('chat:message', { content: 'no room, no ack' });
    ann.socket.emit('room:kick', 'junk');
    ann.socket.emit('video:buffer', { roomId: room.id, buffering: 'maybe' });
    const buffering = next(bob.socket, 'video:buffer');
    ann.socket.emit('video:buffer', { roomId: room.id, buffering: true });
    expect(await buffering).toEqual({ roomId: room.id, userId: ann.user.id, buffering: true });
    const toBob = next(bob.socket, 'chat:message', (p) => p.message.kind === 'user');
    ann.socket.emit('chat:message', { roomId: room.id, content: 'fire and forget' });
    expect((await toBob).message.content).toBe('fire and forget');
    expect(ann.socket.connected).toBe(true);
    expectOk(await say(ann, room.id, 'acked again'));
  });

  it('answers a refusal when the ack comes without a payload or after extra arguments', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann] = people as [Person, Person];
    const onlyAck = await (ann.socket.timeout(2000).emitWithAck('chat:message') as Promise<unknown>);
    expectRefusal(onlyAck, 'VALIDATION_FAILED');
    const extra = await (ann.socket
      .timeout(2000)
      .emitWithAck('chat:message', { roomId: room.id, content: 'x' }, 'junk') as Promise<unknown>);
    expectRefusal(extra, 'VALIDATION_FAILED');
    expect(ann.socket.connected).toBe(true);
  });

  it('refuses a flood past the per-socket event budget (RATE_LIMITED) without dropping the socket', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann] = people as [Person, Person];
    // 70 at once: even split across two one-second windows, at least 10 are over budget.
    const answers = await Promise.all(
      Array.from({ length: 70 }, () =>
        ack(ann.socket, 'video:buffer', { roomId: room.id, buffering: false }),
      ),
    );
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    for (const answer of refused) expectRefusal(answer, 'RATE_LIMITED');
    expect(ann.socket.connected).toBe(true);
    await sleep(1100);
    expectOk(await say(ann, room.id, 'calm again'));
  });

  it('ignores unknown events without dropping the socket', async () => {
    const { room, people } = await roomOf(['Ann', 'Bob']);
    const [ann, bob] = people as [Person, Person];
    ann.socket.emit('room:self_destruct', { roomId: room.id });
    ann.socket.emit('__proto__', {});
    await sleep(100);
    expect(ann.socket.connected).toBe(true);
    const toBob = next(bob.socket, 'chat:message', (p) => p.message.kind === 'user');
    expectOk(await say(ann, room.id, 'fine'));
    await toBob;
  });
});
