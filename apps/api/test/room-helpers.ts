import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type {
  CreateRoomInput,
  RoomDetail,
  RoomsClientToServerEvents,
  RoomsServerToClientEvents,
} from '@wt/schemas';
import { connected, createUser, openSocket, signIn, type TestUser } from './auth-helpers';
import { buildTestApp, freshDatabase, type TestDatabase } from './helpers';

/*
 * Helpers for watch-room tests: signed-in people with a live /rooms socket, rooms created through the
 * real tRPC procedure, friendships written as the Friends module stores them, and acks awaited.
 */

export interface Person {
  user: TestUser;
  token: string;
  socket: Socket;
}

type ClientEvent = keyof RoomsClientToServerEvents;
type ServerEvent = keyof RoomsServerToClientEvents;
/** The ack an event answers with, typed from the shared event map: `{ ok: true, data } | { ok: false, error }`. */
export type AckOf<E extends ClientEvent> = Parameters<
  NonNullable<Parameters<RoomsClientToServerEvents[E]>[1]>
>[0];
export type PayloadOf<E extends ServerEvent> = Parameters<RoomsServerToClientEvents[E]>[0];

export async function person(app: FastifyInstance, db: Database, name?: string): Promise<Person> {
  const user = await createUser(db, name ? { displayName: name } : {});
  const { accessToken } = await signIn(app, user.username, user.password);
  const socket = await connected(openSocket(app, '/rooms', accessToken));
  return { user, token: accessToken, socket };
}

/** Another socket for the same person (a second tab, or a reconnect on another instance). */
export async function socketFor(app: FastifyInstance, p: Person): Promise<Socket> {
  return connected(openSocket(app, '/rooms', p.token));
}

export async function trpc<T>(
  app: FastifyInstance,
  token: string,
  path: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<{
  status: number;
  data: T | null;
  error: { message: string; data?: { roomCode?: string } } | null;
}> {
  const response =
    kind === 'mutation'
      ? await app.inject({
          method: 'POST',
          url: `/trpc/${path}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ json: input }),
        })
      : await app.inject({
          method: 'GET',
          url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
          headers: { authorization: `Bearer ${token}` },
        });
  const body = response.json() as {
    result?: { data: { json: T } };
    error?: { json: { message: string; data?: { roomCode?: string } } };
  };
  return {
    status: response.statusCode,
    data: body.result?.data.json ?? null,
    error: body.error?.json ?? null,
  };
}

export async function createRoom(
  app: FastifyInstance,
  p: Person,
  input: Partial<CreateRoomInput> = {},
): Promise<RoomDetail> {
  const result = await trpc<RoomDetail>(app, p.token, 'rooms.create', {
    name: 'Movie night',
    contentUrl: 'https://youtu.be/dQw4w9WgXcQ',
    visibility: 'public',
    ...input,
  });
  if (!result.data) throw new Error(`rooms.create failed: ${result.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Emits a /rooms event and resolves with its ack. `payload` is unknown on purpose: tests send malformed ones. */
export function ack<E extends ClientEvent>(socket: Socket, event: E, payload: unknown): Promise<AckOf<E>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<AckOf<E>>;
}

/** Resolves with the next `event` on the socket that matches `pick`. */
export function next<E extends ServerEvent, T = PayloadOf<E>>(
  socket: Socket,
  event: E,
  pick: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  // The untyped socket of the tests: listen through a plain (event, listener) view of it.
  const events = socket as unknown as {
    on(e: string, l: (p: T) => void): void;
    off(e: string, l: (p: T) => void): void;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      events.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!pick(payload)) return;
      clearTimeout(timer);
      events.off(event, listener);
      resolve(payload);
    };
    events.on(event, listener);
  });
}

export async function makeFriends(db: Database, a: string, b: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO friend_requests (from_user_id, to_user_id, status) VALUES (${a}, ${b}, 'accepted')`,
  );
}

export interface RoomTestApp {
  database: TestDatabase;
  app: FastifyInstance;
  /** Sockets a test file opened; disconnected before the app closes. */
  sockets: Socket[];
  /** Moves the app's clock forward (slow mode and the chat rate limit count on it). */
  advanceClock(ms: number): void;
}

/**
 * One listening app on a fresh database for a test file (the global per-IP budget lifted: every test
 * signs people in from one address), closed and dropped after the file. `database` and `app` are set
 * once the file's first beforeAll has run.
 */
export function roomTestApp(): RoomTestApp {
  let offsetMs = 0;
  const env = {
    sockets: [] as Socket[],
    advanceClock: (ms: number) => {
      offsetMs += ms;
    },
  } as RoomTestApp;
  beforeAll(async () => {
    env.database = await freshDatabase();
    env.app = await buildTestApp(
      env.database,
      { RATE_LIMIT_PER_MINUTE: '100000' },
      { now: () => new Date(Date.now() + offsetMs) },
    );
    await env.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of env.sockets) s.disconnect();
    await env.app?.close();
    await env.database?.drop();
  });
  return env;
}
