import net from 'node:net';

/**
 * A loopback TCP proxy that holds every chunk, in each direction, for a random delay before passing it
 * on, without ever reordering bytes: a chunk leaves at max(its own due time, the previous chunk's), so
 * back-to-back chunks can wait a little longer than their draw. One proxy per browser page: the page
 * loads the web app through it, so its HTTP requests and its Socket.io connection (polling, then the
 * WebSocket that Next.js forwards to the API) all take the delay.
 */

export interface DelayProxyOptions {
  targetPort: number;
  targetHost?: string;
  /** One-way delay for the next chunk, ms. */
  delayMs: () => number;
}

export interface DelayProxyStats {
  connections: number;
  /** Requests for the Socket.io WebSocket transport (the upgrade) that went through this proxy. */
  socketIoWebSocketUpgrades: number;
  /** Of those, the ones the server accepted (101 Switching Protocols): WebSockets that opened. */
  socketIoWebSocketsOpened: number;
  /** Socket.io long-polling requests that went through this proxy. */
  socketIoPollingRequests: number;
  bytesToServer: number;
  bytesToClient: number;
  /** Every delay applied (after the in-order hold), ms. */
  appliedDelaysMs: number[];
  /** The delays applied on Socket.io WebSocket connections alone, ms. */
  socketIoWebSocketDelaysMs: number[];
}

export interface DelayProxy {
  port: number;
  stats(): DelayProxyStats;
  close(): Promise<void>;
}

/** A chunk queue feeding one socket in order, each chunk no earlier than its due time. */
class DelayedPipe {
  private readonly queue: Array<{ dueMs: number; sentMs: number; data: Buffer }> = [];
  private lastDueMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private ended = false;

  constructor(
    private readonly out: net.Socket,
    private readonly delayMs: () => number,
    private readonly onSent: (delayMs: number, bytes: number) => void,
  ) {}

  push(data: Buffer): void {
    const now = performance.now();
    const dueMs = Math.max(now + this.delayMs(), this.lastDueMs);
    this.lastDueMs = dueMs;
    this.queue.push({ dueMs, sentMs: now, data });
    this.schedule();
  }

  /** The other side finished sending: end ours once everything queued has gone out. */
  end(): void {
    this.ended = true;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.timer) return;
    const head = this.queue[0];
    if (!head) {
      if (this.ended && !this.out.destroyed) this.out.end();
      return;
    }
    this.timer = setTimeout(() => this.flush(), Math.max(0, head.dueMs - performance.now()));
  }

  private flush(): void {
    this.timer = null;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.dueMs <= now + 0.5) {
      const chunk = this.queue.shift()!;
      if (!this.out.destroyed) this.out.write(chunk.data);
      this.onSent(now - chunk.sentMs, chunk.data.length);
    }
    this.schedule();
  }
}

export function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const stats: DelayProxyStats = {
    connections: 0,
    socketIoWebSocketUpgrades: 0,
    socketIoWebSocketsOpened: 0,
    socketIoPollingRequests: 0,
    bytesToServer: 0,
    bytesToClient: 0,
    appliedDelaysMs: [],
    socketIoWebSocketDelaysMs: [],
  };
  const open = new Set<net.Socket>();

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    stats.connections += 1;
    const upstream = net.connect({
      port: options.targetPort,
      host: options.targetHost ?? '127.0.0.1',
      allowHalfOpen: true,
    });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    }
    let isSocketIoWebSocket = false;
    const record = (direction: 'bytesToServer' | 'bytesToClient') => (delay: number, bytes: number) => {
      stats[direction] += bytes;
      stats.appliedDelaysMs.push(delay);
      if (isSocketIoWebSocket) stats.socketIoWebSocketDelaysMs.push(delay);
    };
    const toServer = new DelayedPipe(upstream, options.delayMs, record('bytesToServer'));
    const toClient = new DelayedPipe(client, options.delayMs, record('bytesToClient'));

    client.on('data', (data: Buffer) => {
      // Requests on a keep-alive connection each start a chunk of their own in practice: counting
      // request lines per chunk is enough to see which transports went through.
      const text = data.subarray(0, 200).toString('latin1');
      if (/^GET \/socket\.io\/\?[^ ]*transport=websocket/.test(text)) {
        stats.socketIoWebSocketUpgrades += 1;
        isSocketIoWebSocket = true;
      } else if (/^(GET|POST) \/socket\.io\/\?[^ ]*transport=polling/.test(text))
        stats.socketIoPollingRequests += 1;
      toServer.push(data);
    });
    let answered = false;
    upstream.on('data', (data: Buffer) => {
      if (!answered && isSocketIoWebSocket) {
        answered = true;
        if (data.subarray(0, 12).toString('latin1') === 'HTTP/1.1 101') stats.socketIoWebSocketsOpened += 1;
      }
      toClient.push(data);
    });
    client.on('end', () => toServer.end());
    upstream.on('end', () => toClient.end());
    const teardown = () => {
      toServer.stop();
      toClient.stop();
      client.destroy();
      upstream.destroy();
    };
    client.on('error', teardown);
    upstream.on('error', teardown);
    client.on('close', () => toServer.end());
    upstream.on('close', () => toClient.end());
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        stats: () => stats,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
