import { describe, expect, it } from 'vitest';
import { ChatWriter, type ChatWriterOptions, type PendingMessage } from './chat-writer';

let counter = 0;
function message(patch: Partial<PendingMessage> = {}): PendingMessage {
  counter += 1;
  return { id: `m${counter}`, roomId: 'r1', userId: 'u1', content: `hello ${counter}`, replyToId: null, createdAt: new Date(), ...patch };
}

/** A writer over a fake table: batches are recorded; `fail` decides which inserts throw. */
function setup(options: Partial<ChatWriterOptions> & { fail?: (batch: PendingMessage[], attempt: number) => boolean } = {}) {
  const batches: string[][] = [];
  const stored: string[] = [];
  const errors: unknown[] = [];
  let attempt = 0;
  const writer = new ChatWriter({
    insert: async (batch) => {
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (options.fail?.(batch, attempt)) throw new Error(`insert ${attempt} failed`);
      batches.push(batch.map((m) => m.id));
      stored.push(...batch.map((m) => m.id));
    },
    lingerMs: options.lingerMs ?? 5,
    maxBatch: options.maxBatch ?? 50,
    retryDelaysMs: options.retryDelaysMs ?? [1, 1],
    onError: (err) => errors.push(err),
  });
  return { writer, batches, stored, errors };
}

describe('ChatWriter', () => {
  it('writes messages sent together in one statement, in order, and resolves each once stored', async () => {
    const { writer, batches, stored } = setup();
    const sent = [message(), message(), message()];
    await Promise.all(sent.map((m) => writer.write(m)));
    expect(batches).toEqual([sent.map((m) => m.id)]);
    expect(stored).toEqual(sent.map((m) => m.id));
  });

  it('caps a batch at maxBatch and keeps the order across batches', async () => {
    const { writer, batches, stored } = setup({ maxBatch: 2 });
    const sent = Array.from({ length: 5 }, () => message());
    await Promise.all(sent.map((m) => writer.write(m)));
    expect(batches.every((b) => b.length <= 2)).toBe(true);
    expect(stored).toEqual(sent.map((m) => m.id));
  });

  it('puts a reply in a later statement than the message it answers', async () => {
    const { writer, batches } = setup();
    const first = message();
    const reply = message({ replyToId: first.id });
    const after = message();
    await Promise.all([first, reply, after].map((m) => writer.write(m)));
    expect(batches).toEqual([[first.id], [reply.id, after.id]]);
  });

  it('retries a failed batch, then stores it', async () => {
    const { writer, stored, errors } = setup({ fail: (_batch, attempt) => attempt === 1 });
    const m = message();
    await writer.write(m);
    expect(stored).toEqual([m.id]);
    expect(errors).toEqual([]);
  });

  it('after the retries, tries each message alone: one bad message does not sink the others', async () => {
    const bad = message({ content: 'bad' });
    const { writer, stored, errors } = setup({ fail: (batch) => batch.some((m) => m.content === 'bad') });
    const good = [message(), message()];
    const results = await Promise.allSettled([good[0]!, bad, good[1]!].map((m) => writer.write(m)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored).toEqual(good.map((m) => m.id));
    expect(errors).toHaveLength(1);
  });

  it('knows what is still unwritten, and whenWritten settles once stored', async () => {
    const { writer, stored } = setup({ lingerMs: 50 });
    const m = message({ roomId: 'r9' });
    const written = writer.write(m);
    expect(writer.unwritten('r9').map((x) => x.id)).toEqual([m.id]);
    expect(writer.unwritten('elsewhere')).toEqual([]);
    await writer.whenWritten(m.id);
    expect(stored).toEqual([m.id]);
    expect(writer.unwritten('r9')).toEqual([]);
    expect(writer.whenWritten(m.id)).toBeNull();
    await written;
  });

  it('close writes everything queued without waiting for the linger', async () => {
    const { writer, stored } = setup({ lingerMs: 60_000 });
    const sent = [message(), message()];
    const writes = sent.map((m) => writer.write(m));
    await writer.close();
    expect(stored).toEqual(sent.map((m) => m.id));
    await Promise.all(writes);
  });
});
