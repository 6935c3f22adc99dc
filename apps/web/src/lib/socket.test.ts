import { describe, expect, it, vi } from 'vitest';

// Each test gets a fresh module (empty cache) and its own origin (socket.io-client keeps one
// connection manager per origin). Nothing is dialled: sockets are created with autoConnect off.
let port = 20_000;
async function fresh() {
  vi.resetModules();
  const mod = await import('./socket');
  port += 1;
  return { ...mod, origin: `http://127.0.0.1:${port}` };
}

describe('getSocket', () => {
  it('returns one cached socket per namespace', async () => {
    const { getSocket, origin } = await fresh();
    const rooms = getSocket('/rooms', { origin });
    expect(getSocket('/rooms', { origin })).toBe(rooms);
    expect(getSocket('/global', { origin })).not.toBe(rooms);
  });

  it('multiplexes namespaces over one connection manager', async () => {
    const { getSocket, origin } = await fresh();
    expect(getSocket('/rooms', { origin }).io).toBe(getSocket('/guilds', { origin }).io);
  });

  it('targets the namespace and the rewrite path, without connecting', async () => {
    const { getSocket, origin } = await fresh();
    const socket = getSocket('/guilds', { origin });
    expect(socket.connected).toBe(false);
    expect(socket.active).toBe(false);
    expect(socket.io.opts.path).toBe('/socket.io');
    expect((socket as unknown as { nsp: string }).nsp).toBe('/guilds');
  });

  it('keeps idle sockets closed on rehandshake', async () => {
    const { getSocket, rehandshakeSockets, origin } = await fresh();
    const socket = getSocket('/global', { origin });
    rehandshakeSockets();
    expect(socket.active).toBe(false);
    expect(getSocket('/global', { origin })).toBe(socket);
  });
});

describe('configureSocketAuth', () => {
  type AuthCallback = (cb: (data: object) => void) => void;
  const handshakeAuth = (socket: { auth: unknown }) =>
    new Promise<object>((resolve) => (socket.auth as AuthCallback)(resolve));

  it('hands every handshake the current token, also to sockets created before it was configured', async () => {
    const { configureSocketAuth, getSocket, origin } = await fresh();
    const socket = getSocket('/rooms', { origin });
    expect(await handshakeAuth(socket)).toEqual({});

    let token = 'first-token';
    configureSocketAuth({ getAccessToken: () => token, onAuthError: () => {} });
    expect(await handshakeAuth(socket)).toEqual({ token: 'first-token' });
    token = 'refreshed-token';
    expect(await handshakeAuth(socket)).toEqual({ token: 'refreshed-token' });

    configureSocketAuth(null);
    expect(await handshakeAuth(socket)).toEqual({});
  });

  it('reports a handshake refused over its token, and a token that expired while connected', async () => {
    const { configureSocketAuth, getSocket, origin } = await fresh();
    const codes: string[] = [];
    configureSocketAuth({ getAccessToken: () => null, onAuthError: (code) => codes.push(code) });
    const socket = getSocket('/global', { origin }) as unknown as {
      emitReserved: (event: string, ...args: unknown[]) => void;
      listeners: (event: string) => Array<(...args: unknown[]) => void>;
    };

    socket.emitReserved(
      'connect_error',
      Object.assign(new Error('expired'), { data: { code: 'TOKEN_EXPIRED' } }),
    );
    socket.emitReserved('connect_error', new Error('xhr poll error'));
    for (const listener of socket.listeners('auth:expired'))
      listener({ code: 'TOKEN_EXPIRED', message: 'Expired.' });

    expect(codes).toEqual(['TOKEN_EXPIRED', 'TOKEN_EXPIRED']);
  });
});
