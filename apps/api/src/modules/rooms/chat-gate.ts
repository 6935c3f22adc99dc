import { CHAT_RATE_LIMIT, SLOW_MODE_SECONDS, type Person, type RoomRole } from '@wt/schemas';
import { chatRefusal, chatWaitMs } from './access';
import { roomErrors } from './errors';

/**
 * Who may write in a room's chat, decided in memory: the hot path of chat costs no database round trip
 * (issue 4, "Speed"). What is cached per instance: each writing member's role, mute flag and name with
 * the room's chat rules (filled from the database on a miss, and on join), and each person's latest
 * sends for slow mode and the rate limit.
 *
 * Keeping it true: every action that changes a room's rules or a member's role or mute calls `forget`
 * for that room on every instance (socket.ts sends it through the adapter), and an entry older than
 * REFRESH_AFTER_MS is read again in the background while it keeps serving (a profile edit, an
 * invalidation lost with an instance). Membership itself is not cached here: the socket handler checks
 * that the socket is still in the room's Socket.io room, which a kick or leave clears on every instance.
 *
 * Slow mode and the rate limit count the sends this instance saw (seeded from the database when a
 * member's facts are read): a person writing through two instances at once gets each limit per
 * instance. Documented in the README (Watch rooms, chat limits).
 */

export interface ChatRules {
  chatMode: 'all' | 'mods' | 'off';
  slowMode: boolean;
}

export interface ChatMemberFacts {
  role: RoomRole;
  isMuted: boolean;
  author: Person;
}

/** A member's facts as the database has them, with their latest sends (newest first, every room). */
export interface LoadedChatFacts {
  rules: ChatRules;
  member: ChatMemberFacts;
  latest: { roomId: string; createdAt: Date }[];
}

/** Null when the person is not a present member of an active room. */
export type ChatFactsLoader = (roomId: string, userId: string) => Promise<LoadedChatFacts | null>;

/** A cached entry serves for this long before it is read again (in the background). */
export const REFRESH_AFTER_MS = 60_000;
/** Entries nobody used for this long are dropped by `prune`. */
const IDLE_MS = 10 * 60_000;
const SLOW_MODE_MS = SLOW_MODE_SECONDS * 1000;
const WINDOW_MS = Math.max(SLOW_MODE_MS, CHAT_RATE_LIMIT.windowSeconds * 1000);

interface Entry {
  rules: ChatRules;
  member: ChatMemberFacts;
  loadedAt: number;
  usedAt: number;
  refreshing: boolean;
}

export class ChatGate {
  /** roomId -> userId -> entry. */
  private readonly rooms = new Map<string, Map<string, Entry>>();
  /** userId -> latest sends through this instance, newest first, at most the rate limit's count. */
  private readonly latest = new Map<string, { roomId: string; createdAt: Date }[]>();
  /** Bumped by every `forget`: a read that started before it is not cached (it may be stale). */
  private generation = 0;

  constructor(
    private readonly load: ChatFactsLoader,
    private readonly now: () => Date,
    private readonly onRefreshError: (err: unknown) => void = () => undefined,
  ) {}

  /**
   * Admits one message of `userId` in `roomId` now, or throws the refusal (not a member, chat off, muted,
   * mods only, slow mode, rate limit). On admission the send counts at once, before any await, so two
   * messages racing in cannot both pass a limit.
   */
  async admit(roomId: string, userId: string): Promise<Person> {
    const at = this.now();
    let entry = this.rooms.get(roomId)?.get(userId);
    if (!entry) entry = await this.fill(roomId, userId);
    else if (at.getTime() - entry.loadedAt >= REFRESH_AFTER_MS) this.refreshInBackground(roomId, userId, entry);
    entry.usedAt = at.getTime();

    const refusal = chatRefusal(entry.member, entry.rules);
    if (refusal) throw refusal;
    const latest = this.latest.get(userId) ?? [];
    const wait = chatWaitMs(latest, roomId, at, {
      slowMode: entry.rules.slowMode,
      slowModeMs: SLOW_MODE_MS,
      limit: CHAT_RATE_LIMIT.messages,
      windowMs: CHAT_RATE_LIMIT.windowSeconds * 1000,
    });
    if (wait) throw wait.kind === 'slow' ? roomErrors.slowMode(wait.waitMs) : roomErrors.rateLimited(wait.waitMs);
    this.latest.set(userId, [{ roomId, createdAt: at }, ...latest].slice(0, CHAT_RATE_LIMIT.messages));
    return entry.member.author;
  }

  /** Reads a member's facts now (on join: their first message then costs no read). */
  async prime(roomId: string, userId: string): Promise<void> {
    this.rooms.get(roomId)?.delete(userId);
    await this.fill(roomId, userId).catch(() => undefined);
  }

  /** The room's rules or a member's role or mute changed: everything cached for the room is read again. */
  forget(roomId: string): void {
    this.generation += 1;
    this.rooms.delete(roomId);
  }

  /** Drops what nobody used lately; run with the presence sweep. */
  prune(): void {
    const now = this.now().getTime();
    for (const [roomId, members] of this.rooms) {
      for (const [userId, entry] of members) if (now - entry.usedAt > IDLE_MS) members.delete(userId);
      if (members.size === 0) this.rooms.delete(roomId);
    }
    for (const [userId, sends] of this.latest) {
      if (now - (sends[0]?.createdAt.getTime() ?? 0) > WINDOW_MS) this.latest.delete(userId);
    }
  }

  /** How many members are cached (tests and metrics). */
  get size(): number {
    let n = 0;
    for (const members of this.rooms.values()) n += members.size;
    return n;
  }

  private async fill(roomId: string, userId: string): Promise<Entry> {
    let generation = this.generation;
    let loaded = await this.load(roomId, userId);
    // A change landed while reading (a mute racing the message): read once more, after it.
    if (generation !== this.generation) {
      generation = this.generation;
      loaded = await this.load(roomId, userId);
    }
    if (!loaded) throw roomErrors.notMember();
    const now = this.now().getTime();
    const entry: Entry = { rules: loaded.rules, member: loaded.member, loadedAt: now, usedAt: now, refreshing: false };
    if (generation === this.generation) {
      let members = this.rooms.get(roomId);
      if (!members) this.rooms.set(roomId, (members = new Map()));
      members.set(userId, entry);
    }
    // The database's sends seed the limits after a restart; sends this instance saw since are newer.
    if (!this.latest.has(userId) && loaded.latest.length > 0) this.latest.set(userId, loaded.latest);
    return entry;
  }

  private refreshInBackground(roomId: string, userId: string, entry: Entry): void {
    if (entry.refreshing) return;
    entry.refreshing = true;
    const generation = this.generation;
    this.load(roomId, userId)
      .then((loaded) => {
        if (generation !== this.generation) return;
        if (!loaded) {
          this.rooms.get(roomId)?.delete(userId);
          return;
        }
        Object.assign(entry, { rules: loaded.rules, member: loaded.member, loadedAt: this.now().getTime() });
      })
      .catch(this.onRefreshError)
      .finally(() => {
        entry.refreshing = false;
      });
  }
}
