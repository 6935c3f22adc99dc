/**
 * Writes chat messages to `room_messages` in batches, after they were broadcast (issue 4, "Speed": the
 * room hears a message without waiting for the database). The sender's ack waits for the write, so a
 * message the sender sees confirmed is stored; a graceful shutdown (`close`) writes whatever is queued.
 * What a crash can lose: the messages of the last `lingerMs`, which no sender saw confirmed.
 *
 * One batch is in flight at a time, so messages are written in the order they were sent, and a reply
 * never goes in the same statement as the message it answers (the statement could not see it).
 */

export interface PendingMessage {
  id: string;
  roomId: string;
  userId: string;
  content: string;
  replyToId: string | null;
  createdAt: Date;
}

export interface ChatWriterOptions {
  /** Writes one batch in one statement; idempotent on message id (a retry after a lost answer). */
  insert: (batch: PendingMessage[]) => Promise<void>;
  /** How long a message waits for others to share its statement. */
  lingerMs: number;
  maxBatch: number;
  /** Pauses before each retry of a failed batch; then its messages are tried one by one. */
  retryDelaysMs: readonly number[];
  onError: (err: unknown, batch: PendingMessage[]) => void;
}

interface Queued {
  message: PendingMessage;
  written: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChatWriter {
  private readonly queue: Queued[] = [];
  /** Queued or in flight, by id: a reaction to a message waits for its row. */
  private readonly pending = new Map<string, Queued>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closing = false;

  constructor(private readonly options: ChatWriterOptions) {}

  /** Queues a message; resolves once it is stored, rejects if it could not be. */
  write(message: PendingMessage): Promise<void> {
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const written = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const queued: Queued = { message, written, resolve, reject };
    this.queue.push(queued);
    this.pending.set(message.id, queued);
    this.schedule();
    return written;
  }

  /** The write of a message still on its way, if it is (settles, never rejects). */
  whenWritten(messageId: string): Promise<void> | null {
    const queued = this.pending.get(messageId);
    return queued ? queued.written.catch(() => undefined) : null;
  }

  /** Messages of a room not stored yet, oldest first (a snapshot read now would miss them). */
  unwritten(roomId: string): PendingMessage[] {
    return [...this.pending.values()].filter((q) => q.message.roomId === roomId).map((q) => q.message);
  }

  /** Writes everything queued, now; later writes go out without lingering. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running || this.queue.length > 0) {
      this.start();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.running || this.timer) return;
    if (this.closing || this.queue.length >= this.options.maxBatch) return this.start();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, this.options.lingerMs);
  }

  private start(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = this.flush(this.take()).finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.schedule();
    });
  }

  /** The next batch: up to maxBatch, ending before a reply to a message in the batch. */
  private take(): Queued[] {
    const ids = new Set<string>();
    let n = 0;
    while (n < this.queue.length && n < this.options.maxBatch) {
      const { message } = this.queue[n]!;
      if (message.replyToId && ids.has(message.replyToId)) break;
      ids.add(message.id);
      n += 1;
    }
    return this.queue.splice(0, n);
  }

  private async flush(batch: Queued[]): Promise<void> {
    const messages = batch.map((q) => q.message);
    try {
      await this.insertWithRetries(messages);
      this.settle(batch, null);
      return;
    } catch (err) {
      this.options.onError(err, messages);
      if (batch.length === 1) return this.settle(batch, err);
    }
    // One bad message must not sink the others: each alone, once.
    for (const queued of batch) {
      try {
        await this.options.insert([queued.message]);
        this.settle([queued], null);
      } catch (err) {
        this.settle([queued], err);
      }
    }
  }

  private async insertWithRetries(messages: PendingMessage[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.options.insert(messages);
      } catch (err) {
        const delay = this.options.retryDelaysMs[attempt];
        if (delay === undefined) throw err;
        await pause(delay);
      }
    }
  }

  private settle(batch: Queued[], err: unknown): void {
    for (const queued of batch) {
      this.pending.delete(queued.message.id);
      if (err === null) queued.resolve();
      else queued.reject(err);
    }
  }
}
