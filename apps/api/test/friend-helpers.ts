import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { FriendActionResult, Presence } from '@wt/schemas';
import { connected, createUser, openSocket, signIn, type TestUser } from './auth-helpers';
import { trpc } from './room-helpers';

/*
 * Helpers for friends and presence tests: a signed-in person with a live /global socket (where
 * notifications and presence arrive), friends.* calls that return the refusal code, and events awaited.
 */

export interface Member {
  user: TestUser;
  token: string;
  /** /global socket (null after `goOffline`). */
  global: Socket | null;
}

export async function member(app: FastifyInstance, db: Database, name?: string, sockets?: Socket[]): Promise<Member> {
  const m = await offlineMember(app, db, name);
  m.global = await openGlobal(app, m, sockets);
  return m;
}

/** Signed in, no socket yet (so a test sees them come online). */
export async function offlineMember(app: FastifyInstance, db: Database, name?: string): Promise<Member> {
  const user = await createUser(db, name ? { displayName: name } : {});
  const { accessToken } = await signIn(app, user.username, user.password);
  return { user, token: accessToken, global: null };
}

/** Another /global socket of theirs (a tab), on `app` (which may be another instance). */
export async function openGlobal(app: FastifyInstance, m: Pick<Member, 'token'>, sockets?: Socket[]): Promise<Socket> {
  const socket = await connected(openSocket(app, '/global', m.token));
  sockets?.push(socket);
  return socket;
}

/** A /rooms socket of theirs, on `app`. */
export async function openRooms(app: FastifyInstance, m: Pick<Member, 'token'>, sockets?: Socket[]): Promise<Socket> {
  const socket = await connected(openSocket(app, '/rooms', m.token));
  sockets?.push(socket);
  return socket;
}

export interface FriendCall<T> {
  status: number;
  data: T | null;
  /** data.friendCode of a refusal, else the tRPC code. */
  code: string | null;
  message: string | null;
}

export async function friends<T = FriendActionResult>(
  app: FastifyInstance,
  m: Member,
  path: string,
  input: unknown = undefined,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<FriendCall<T>> {
  const result = await trpc<T>(app, m.token, `friends.${path}`, input, kind);
  const data = result.error?.data as { friendCode?: string; code?: string } | undefined;
  return {
    status: result.status,
    data: result.data,
    code: data?.friendCode ?? data?.code ?? null,
    message: result.error?.message ?? null,
  };
}

/** The next `event` on a socket matching `pick`. */
export function nextEvent<T>(socket: Socket, event: string, pick: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!pick(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Resolves with every `event` payload received during `ms` (to prove something was NOT sent). */
export async function collect<T>(socket: Socket, event: string, ms: number): Promise<T[]> {
  const seen: T[] = [];
  const listener = (payload: T) => seen.push(payload);
  socket.on(event, listener);
  await new Promise((r) => setTimeout(r, ms));
  socket.off(event, listener);
  return seen;
}

export const presenceOf = (userId: string, status?: Presence['status']) => (p: Presence) =>
  p.userId === userId && (status === undefined || p.status === status);

export async function setPrivacy(db: Database, userId: string, privacy: Record<string, unknown>): Promise<void> {
  await db.execute(sql`
    UPDATE users SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{privacy}',
      coalesce(settings -> 'privacy', '{}'::jsonb) || ${JSON.stringify(privacy)}::jsonb)
    WHERE id = ${userId}`);
}

export async function rowsBetween(db: Database, a: string, b: string): Promise<{ from: string; status: string }[]> {
  const { rows } = await db.execute<{ from_user_id: string; status: string }>(sql`
    SELECT from_user_id, status FROM friend_requests
    WHERE (from_user_id = ${a} AND to_user_id = ${b}) OR (from_user_id = ${b} AND to_user_id = ${a})`);
  return rows.map((r) => ({ from: r.from_user_id, status: r.status }));
}
