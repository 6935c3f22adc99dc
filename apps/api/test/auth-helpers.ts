import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { schema, type Database } from '@wt/db';
import { hashPassword } from '../src/modules/auth/passwords';

/*
 * Test helpers for anything that needs a signed-in user: a verified account written straight to the
 * database, a sign-in over HTTP, and real socket.io-client sockets carrying the access token.
 */

export interface TestUser {
  id: string;
  email: string;
  username: string;
  displayName: string;
  password: string;
}

/** A distinct client address per request, so per-IP limits do not couple unrelated tests. */
export function someIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** A verified user with a password (argon2id), created directly in the database. */
export async function createUser(
  db: Database,
  overrides: Partial<Omit<TestUser, 'id'>> & { emailVerified?: boolean; role?: 'viewer' | 'creator' | 'admin' } = {},
): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const fields = {
    email: overrides.email ?? `user_${suffix}@example.com`,
    username: overrides.username ?? `user_${suffix}`,
    displayName: overrides.displayName ?? `User ${suffix}`,
    password: overrides.password ?? `glacier-moth-${suffix}`,
  };
  const [user] = await db
    .insert(schema.users)
    .values({
      email: fields.email,
      username: fields.username,
      displayName: fields.displayName,
      emailVerified: overrides.emailVerified ?? true,
      role: overrides.role ?? 'viewer',
    })
    .returning({ id: schema.users.id });
  await db.insert(schema.accounts).values({
    userId: user!.id,
    accountId: user!.id,
    providerId: 'credential',
    password: await hashPassword(fields.password),
  });
  return { id: user!.id, ...fields };
}

export interface SignedIn {
  userId: string;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  response: LightMyRequestResponse;
}

export function refreshCookieOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name === 'wt_refresh')?.value;
}

/** Signs in over HTTP (POST /api/auth/sign-in) and returns the tokens; throws on anything but 200. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { login, password },
    remoteAddress: someIp(),
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { accessToken: string; user: { id: string } };
  const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string };
  return { userId: body.user.id, sessionId: claims.sid, accessToken: body.accessToken, refreshToken: refreshCookieOf(response)!, response };
}

/** A socket.io-client socket on a listening app, authenticated with `token` (no automatic reconnection). */
export function openSocket(app: FastifyInstance, namespace: string, token: string | undefined): Socket {
  const { port } = app.server.address() as { port: number };
  return connect(`http://127.0.0.1:${port}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: token === undefined ? {} : { token },
  });
}

/** Resolves once the socket connected; rejects with the connect_error (its `data.code`) otherwise. */
export function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** The connect_error a refused handshake produced: its sentence and data.code. */
export function refused(socket: Socket): Promise<{ message: string; code: string | undefined }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the socket connected but should have been refused')));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve({ message: err.message, code: err.data?.code }));
  });
}
