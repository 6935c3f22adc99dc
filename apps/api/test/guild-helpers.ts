import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { expect } from 'vitest';
import type { Database } from '@wt/db';
import type { GuildDetail, GuildsClientToServerEvents } from '@wt/schemas';
import { connected, createUser, openSocket, signIn, type TestUser } from './auth-helpers';
import { expectSentence } from './room-expect';
import { trpc } from './room-helpers';

/*
 * Helpers for guild tests: signed-in people, guilds.* calls that return the refusal code
 * (`data.guildCode`), /guilds sockets and their acks.
 */

export interface GuildPerson {
  user: TestUser;
  token: string;
}

export async function guildPerson(app: FastifyInstance, db: Database, name?: string): Promise<GuildPerson> {
  const user = await createUser(db, name ? { displayName: name } : {});
  const { accessToken } = await signIn(app, user.username, user.password);
  return { user, token: accessToken };
}

export interface GuildCall<T> {
  status: number;
  data: T | null;
  code: string | null;
  message: string | null;
}

export async function guilds<T = GuildDetail>(
  app: FastifyInstance,
  p: GuildPerson,
  procedure: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<GuildCall<T>> {
  const result = await trpc<T>(app, p.token, `guilds.${procedure}`, input, kind);
  const data = result.error?.data as { guildCode?: string } | undefined;
  return { status: result.status, data: result.data, code: data?.guildCode ?? null, message: result.error?.message ?? null };
}

/** A call that went through; returns its data. */
export function ok<T>(call: GuildCall<T>): T {
  expect(call.data, JSON.stringify(call)).not.toBeNull();
  return call.data!;
}

/** A call refused with `code` and a sentence. */
export function refused(call: GuildCall<unknown>, code: string, status?: number): string {
  expect(call.code, JSON.stringify(call)).toBe(code);
  if (status !== undefined) expect(call.status).toBe(status);
  expectSentence(call.message);
  return call.message!;
}

export async function openGuilds(app: FastifyInstance, p: GuildPerson, sockets?: Socket[]): Promise<Socket> {
  const socket = await connected(openSocket(app, '/guilds', p.token));
  sockets?.push(socket);
  return socket;
}

export type GuildAck<E extends keyof GuildsClientToServerEvents> = Parameters<
  NonNullable<Parameters<GuildsClientToServerEvents[E]>[1]>
>[0];

/** Emits a /guilds event and resolves with its ack (`payload` unknown on purpose: tests send bad ones). */
export function guildAck<E extends keyof GuildsClientToServerEvents>(socket: Socket, event: E, payload: unknown): Promise<GuildAck<E>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<GuildAck<E>>;
}
