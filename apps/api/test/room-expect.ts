import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Socket } from 'socket.io-client';
import type { RoomsServerToClientEvents } from '@wt/schemas';
import { someIp } from './auth-helpers';

/*
 * Assertions shared by the watch-room integration tests: every refusal carries a stable code and a
 * sentence a person can read, whether it arrives as a socket ack, a tRPC error or a REST body.
 */

/** A sentence: starts with a capital, ends with a full stop, and is neither zod's wording nor a stack trace. */
export function expectSentence(message: unknown): void {
  expect(typeof message, `not a string: ${String(message)}`).toBe('string');
  expect(message).toMatch(/^[A-Z][^\n]{8,}[.!?…]$/);
  expect(message).not.toMatch(/Invalid input|undefined|\[object|Error:|ZodError/);
}

/** A socket ack `{ ok: false, error: { code, message } }` with that code and a sentence; returns the sentence. */
export function expectRefusal(answer: unknown, code: string): string {
  expect(answer, JSON.stringify(answer)).toMatchObject({ ok: false, error: { code } });
  const { message } = (answer as { error: { message: string } }).error;
  expectSentence(message);
  return message;
}

/** A socket ack that went through; returns its data. */
export function expectOk<T>(answer: { ok: true; data: T } | { ok: false; error: unknown }): T {
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return (answer as { data: T }).data;
}

/** A tRPC answer refused with the room code in `data.roomCode` and a sentence. */
export function expectTrpcRefusal(
  result: { status: number; error: { message: string; data?: { roomCode?: string } } | null },
  roomCode: string,
  status?: number,
): string {
  expect(result.error?.data?.roomCode, JSON.stringify(result)).toBe(roomCode);
  if (status !== undefined) expect(result.status).toBe(status);
  expectSentence(result.error!.message);
  return result.error!.message;
}

/** A REST answer `{ error: { code, message } }` with that status and code. */
export function expectHttpRefusal(response: LightMyRequestResponse, status: number, code: string): string {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expectSentence(body.error.message);
  return body.error.message;
}

/** `GET /api/rooms/:id/invite` (from its own address: the route has a per-IP budget). */
export function getInvite(
  app: FastifyInstance,
  token: string | null,
  roomId: string,
  query = '',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'GET',
    url: `/api/rooms/${roomId}/invite${query}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    remoteAddress: someIp(),
  });
}

/** `POST /api/rooms/:id/invite-user`. */
export function postInviteUser(
  app: FastifyInstance,
  token: string | null,
  roomId: string,
  body: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/rooms/${roomId}/invite-user`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body as Record<string, unknown>,
    remoteAddress: someIp(),
  });
}

/** A new invite code for the room, made by someone allowed to. */
export async function inviteCode(
  app: FastifyInstance,
  token: string,
  roomId: string,
  query = '',
): Promise<string> {
  const response = await getInvite(app, token, roomId, query);
  if (response.statusCode !== 200) throw new Error(`invite failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { code: string }).code;
}

/** Every `event` the socket receives from now on (to prove something did or did not arrive). */
export function record<E extends keyof RoomsServerToClientEvents>(
  socket: Socket,
  event: E,
): Parameters<RoomsServerToClientEvents[E]>[0][] {
  const seen: Parameters<RoomsServerToClientEvents[E]>[0][] = [];
  (socket as unknown as { on(e: string, l: (p: never) => void): void }).on(event, (payload: never) =>
    seen.push(payload),
  );
  return seen;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
