/*
 * Who takes part: users and live sessions written in bulk to the fresh database, access tokens minted
 * with the auth module's own signer (the server verifies them exactly as it verifies any token: signature,
 * expiry and a live session row), and public rooms created through the real `rooms.create` procedure.
 */
import { randomUUID } from 'node:crypto';
import { schema, type Database } from '@wt/db';
import type { RoomDetail } from '@wt/schemas';
import type { Env } from '../../apps/api/src/env';
import { hashToken, randomToken, signAccessToken } from '../../apps/api/src/modules/auth/tokens';
import type { BenchMember, BenchRoom } from './plan';

const INSERT_CHUNK = 500;

export interface BenchUser {
  userId: string;
  username: string;
  sessionId: string;
}

/** `count` verified users, each with one live session; members of room r are consecutive. */
export async function createBenchUsers(db: Database, count: number, now: Date): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let start = 0; start < count; start += INSERT_CHUNK) {
    const size = Math.min(INSERT_CHUNK, count - start);
    const rows = await db
      .insert(schema.users)
      .values(
        Array.from({ length: size }, (_, k) => {
          const n = String(start + k).padStart(5, '0');
          return {
            username: `bench_${n}`,
            displayName: `Bench ${n}`,
            email: `bench_${n}@bench.invalid`,
            emailVerified: true,
          };
        }),
      )
      .returning({ id: schema.users.id, username: schema.users.username });
    const sessions = await db
      .insert(schema.sessions)
      .values(
        rows.map((u) => ({
          userId: u.id,
          token: hashToken(randomToken()),
          expiresAt: new Date(now.getTime() + 24 * 3600 * 1000),
          ipAddress: '127.0.0.1',
          userAgent: 'wt-bench',
        })),
      )
      .returning({ id: schema.sessions.id, userId: schema.sessions.userId });
    const sessionOf = new Map(sessions.map((s) => [s.userId, s.id]));
    for (const u of rows) users.push({ userId: u.id, username: u.username, sessionId: sessionOf.get(u.id)! });
  }
  return users;
}

/** Members in room order (the first member of each room is its leader), with fresh 15-minute tokens. */
export async function benchMembers(
  env: Env,
  users: BenchUser[],
  layout: number[],
): Promise<{ members: BenchMember[]; leaders: number[] }> {
  const deps = { env, now: () => new Date() };
  const members: BenchMember[] = [];
  const leaders: number[] = [];
  let next = 0;
  for (const [room, size] of layout.entries()) {
    leaders.push(next);
    for (let k = 0; k < size; k++, next++) {
      const user = users[next]!;
      const { token } = await signAccessToken(deps, {
        userId: user.userId,
        sessionId: user.sessionId,
        role: 'viewer',
      });
      members.push({ userId: user.userId, username: user.username, token, room });
    }
  }
  return { members, leaders };
}

/** Rooms that exist only in the baseline server's memory. */
export function baselineRooms(leaders: number[]): BenchRoom[] {
  return leaders.map((leader) => ({ id: randomUUID(), leader }));
}

/** Public rooms created by their leaders through tRPC `rooms.create` over HTTP (the real service). */
export async function createRoomsThroughApi(
  baseUrl: string,
  members: BenchMember[],
  leaders: number[],
  layout: number[],
): Promise<BenchRoom[]> {
  const rooms: BenchRoom[] = new Array<BenchRoom>(leaders.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < leaders.length) {
      const r = next++;
      const leader = members[leaders[r]!]!;
      const input = {
        name: `Bench room ${r}`,
        contentUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        visibility: 'public',
        maxMembers: layout[r]!,
      };
      const response = await fetch(`${baseUrl}/trpc/rooms.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${leader.token}` },
        // superjson wire format for plain JSON values.
        body: JSON.stringify({ json: input }),
      });
      const body = (await response.json()) as {
        result?: { data: { json: RoomDetail } };
        error?: { json: { message: string } };
      };
      if (!response.ok || !body.result) {
        throw new Error(
          `rooms.create failed (${response.status}): ${body.error?.json.message ?? JSON.stringify(body)}`,
        );
      }
      rooms[r] = { id: body.result.data.json.id, leader: leaders[r]! };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return rooms;
}
