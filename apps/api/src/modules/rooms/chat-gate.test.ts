import { describe, expect, it } from 'vitest';
import { ChatGate, REFRESH_AFTER_MS, type LoadedChatFacts } from './chat-gate';
import { isRoomError } from './errors';

const ROOM = 'room-1';
const OTHER = 'room-2';
const ANN = 'user-ann';

function facts(patch: Partial<LoadedChatFacts['rules'] & LoadedChatFacts['member']> = {}, latest: LoadedChatFacts['latest'] = []): LoadedChatFacts {
  return {
    rules: { chatMode: patch.chatMode ?? 'all', slowMode: patch.slowMode ?? false },
    member: {
      role: patch.role ?? 'member',
      isMuted: patch.isMuted ?? false,
      author: { id: ANN, username: 'ann', displayName: 'Ann', avatarUrl: null },
    },
    latest,
  };
}

/** A gate over a fake database whose answer the test changes; counts reads. */
function setup(initial: LoadedChatFacts | null = facts()) {
  const db = { answer: initial, reads: 0 };
  let nowMs = Date.UTC(2026, 10, 29, 12);
  const gate = new ChatGate(
    async () => {
      db.reads += 1;
      return db.answer;
    },
    () => new Date(nowMs),
  );
  return {
    db,
    gate,
    advance: (ms: number) => {
      nowMs += ms;
    },
    at: () => new Date(nowMs),
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (isRoomError(err)) return err.code;
    throw err;
  }
  throw new Error('admitted, but a refusal was expected');
}

describe('ChatGate', () => {
  it('reads a member once, then admits from memory', async () => {
    const { db, gate, advance } = setup();
    expect(await gate.admit(ROOM, ANN)).toMatchObject({ id: ANN, displayName: 'Ann' });
    advance(2_000);
    await gate.admit(ROOM, ANN);
    expect(db.reads).toBe(1);
  });

  it('refuses someone who is not a present member (NOT_A_MEMBER), and caches nothing for them', async () => {
    const { db, gate } = setup(null);
    expect(await refusal(gate.admit(ROOM, ANN))).toBe('NOT_A_MEMBER');
    expect(await refusal(gate.admit(ROOM, ANN))).toBe('NOT_A_MEMBER');
    expect(db.reads).toBe(2);
    expect(gate.size).toBe(0);
  });

  it.each([
    ['CHAT_OFF', facts({ chatMode: 'off', role: 'leader' })],
    ['MUTED', facts({ isMuted: true })],
    ['CHAT_MODS_ONLY', facts({ chatMode: 'mods' })],
  ])('refuses with %s from the cached facts', async (code, loaded) => {
    const { gate } = setup(loaded);
    expect(await refusal(gate.admit(ROOM, ANN))).toBe(code);
  });

  it('reads the room again after forget (a mute lands at once)', async () => {
    const { db, gate } = setup();
    await gate.admit(ROOM, ANN);
    db.answer = facts({ isMuted: true });
    gate.forget(ROOM);
    expect(await refusal(gate.admit(ROOM, ANN))).toBe('MUTED');
    expect(db.reads).toBe(2);
  });

  it('does not cache a read that a forget overtook; it reads again after the change', async () => {
    let release!: () => void;
    const db = { answer: facts(), reads: 0 };
    const gate = new ChatGate(
      async () => {
        db.reads += 1;
        const answer = db.answer;
        if (db.reads === 1) await new Promise<void>((resolve) => (release = resolve));
        return answer;
      },
      () => new Date(),
    );
    const first = gate.admit(ROOM, ANN);
    await Promise.resolve();
    db.answer = facts({ isMuted: true });
    gate.forget(ROOM);
    release();
    // The message that raced the mute is judged on the read made after it.
    expect(await refusal(first)).toBe('MUTED');
    expect(db.reads).toBe(2);
  });

  it('slow mode: one message per room per 5 s, counted from the admission', async () => {
    const { gate, advance } = setup(facts({ slowMode: true }));
    await gate.admit(ROOM, ANN);
    advance(4_000);
    expect(await refusal(gate.admit(ROOM, ANN))).toBe('SLOW_MODE');
    advance(1_000);
    await gate.admit(ROOM, ANN);
  });

  it('rate limit: five messages in 5 s across rooms, two racing messages cannot both take the last slot', async () => {
    const { gate, advance } = setup();
    for (let i = 0; i < 4; i += 1) await gate.admit(i % 2 ? ROOM : OTHER, ANN);
    const racing = await Promise.allSettled([gate.admit(ROOM, ANN), gate.admit(OTHER, ANN)]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    advance(5_000);
    await gate.admit(ROOM, ANN);
  });

  it('seeds the limits from the database after a restart', async () => {
    const { db, gate, at, advance } = setup();
    db.answer = facts({}, Array.from({ length: 5 }, (_, i) => ({ roomId: ROOM, createdAt: new Date(at().getTime() - 1_000 * i) })));
    expect(await refusal(gate.admit(ROOM, ANN))).toBe('RATE_LIMITED');
    advance(1_000);
    await gate.admit(ROOM, ANN);
  });

  it('refreshes an old entry in the background while it keeps serving', async () => {
    const { db, gate, advance } = setup();
    await gate.admit(ROOM, ANN);
    db.answer = facts({ role: 'moderator', chatMode: 'mods' });
    advance(REFRESH_AFTER_MS);
    // Served from the old entry (a member in an open room), while the read runs.
    await gate.admit(ROOM, ANN);
    expect(db.reads).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    advance(1_000);
    await gate.admit(ROOM, ANN);
    expect(db.reads).toBe(2);
    db.answer = facts({ chatMode: 'mods' });
    gate.forget(ROOM);
    expect(await refusal(gate.admit(ROOM, ANN))).toBe('CHAT_MODS_ONLY');
  });

  it('prune drops entries idle for 10 minutes and send times past the window', async () => {
    const { gate, advance } = setup();
    await gate.admit(ROOM, ANN);
    advance(60_000);
    gate.prune();
    expect(gate.size).toBe(1);
    advance(10 * 60_000);
    gate.prune();
    expect(gate.size).toBe(0);
  });
});
