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
