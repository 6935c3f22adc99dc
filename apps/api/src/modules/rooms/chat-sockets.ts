import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io';
import {
  chatHistoryPayload,
  chatReactPayload,
  chatSendPayload,
  type ChatMessage,
  type RoomsClientToServerEvents,
  type RoomsServerToClientEvents,
} from '@wt/schemas';
import type { AppServices } from '../../services';
import { chatXpTrigger } from '../gamification/sources';
import type { RoomSocketKit } from '../playback/socket';
import { ChatGate } from './chat-gate';
import { ChatWriter } from './chat-writer';
import { roomErrors } from './errors';
import * as rooms from './service';
import { insertUserMessages, loadChatFacts, loadReplyTarget, replyOf } from './views';

/**
 * Room chat on the /rooms namespace: `chat:message`, `chat:history`, `chat:react`. A message is admitted
 * in memory (ChatGate), broadcast to the room at once, and stored by the ChatWriter; the sender's ack
 * waits for the store. If the store fails for good, the room hears `chat:unsent` and drops the message.
 */

type RoomsSocket = Socket<RoomsClientToServerEvents, RoomsServerToClientEvents>;

/** How long a message waits for others to share its INSERT (the sender's ack waits this much longer). */
const WRITE_LINGER_MS = 20;
const WRITE_MAX_BATCH = 200;
const WRITE_RETRY_DELAYS_MS = [200, 1_000, 3_000] as const;
/** Messages this instance sent lately, by id: a reply shows what it answers without a read. */
const RECENT_MESSAGES = 5_000;
/** Event name between instances: a room's chat facts changed. */
const FORGET_EVENT = 'rooms:chat-forget';

export interface ChatSockets {
  register(socket: RoomsSocket): void;
  /** The room's rules or a member's role, mute or presence changed: on every instance. */
  roomChanged(roomId: string): void;
  /** Reads a member's chat facts ahead of their first message (after a join). */
  prime(roomId: string, userId: string): Promise<void>;
  /** A room's messages broadcast but not stored yet, in the order sent (a snapshot read misses them). */
  unwritten(roomId: string): ChatMessage[];
  prune(): void;
  /** Stores whatever is queued (graceful shutdown). */
  close(): Promise<void>;
}

export function createChatSockets(services: AppServices, kit: RoomSocketKit): ChatSockets {
  const deps = { db: services.db, now: services.now };
  const gate = new ChatGate(
    (roomId, userId) => loadChatFacts(services.db, roomId, userId),
    services.now,
    (err) => services.log.warn({ err }, 'chat facts refresh failed'),
  );
  const chatXp = chatXpTrigger(services);
  const writer = new ChatWriter({
    insert: async (batch) => {
      await insertUserMessages(services.db, batch);
      chatXp.stored(batch.map((m) => m.userId));
    },
    lingerMs: WRITE_LINGER_MS,
    maxBatch: WRITE_MAX_BATCH,
    retryDelaysMs: WRITE_RETRY_DELAYS_MS,
    onError: (err, batch) => services.log.error({ err, messages: batch.length }, 'storing chat messages failed'),
  });
  const recent = new Map<string, ChatMessage>();

  function remember(message: ChatMessage): void {
    recent.set(message.id, message);
    if (recent.size > RECENT_MESSAGES) recent.delete(recent.keys().next().value!);
  }

  async function replyTarget(roomId: string, replyToId: string | undefined): Promise<ChatMessage['replyTo']> {
    if (!replyToId) return null;
    const known = recent.get(replyToId);
    if (known) return known.roomId === roomId ? replyOf(known) : null;
    return loadReplyTarget(services.db, roomId, replyToId);
  }

  // Another instance changed a room: what this one cached of it is read again.
  (kit.nsp as unknown as { on(event: string, listener: (roomId: unknown) => void): void }).on(FORGET_EVENT, (roomId) => {
    if (typeof roomId === 'string') gate.forget(roomId);
  });

  function register(socket: RoomsSocket): void {
    kit.handle(socket, 'chat:message', chatSendPayload, async (payload, userId) => {
      // Still in the room's Socket.io room: a kick or leave takes every socket out, on any instance.
      kit.requireJoined(socket, payload.roomId);
      if (!socket.rooms.has(kit.roomKey(payload.roomId))) throw roomErrors.notMember();
      const author = await gate.admit(payload.roomId, userId);
      const createdAt = services.now();
      const message: ChatMessage = {
        id: randomUUID(),
        roomId: payload.roomId,
        kind: 'user',
        author,
        content: payload.content,
        replyTo: await replyTarget(payload.roomId, payload.replyToId),
        reactions: [],
        createdAt: createdAt.toISOString(),
      };
      remember(message);
      // To everyone in the room but this socket, now: its ack carries the message once it is stored.
      socket.to(kit.roomKey(payload.roomId)).emit('chat:message', { roomId: payload.roomId, message });
      try {
        await writer.write({
          id: message.id,
          roomId: message.roomId,
          userId,
          content: message.content,
          replyToId: message.replyTo?.id ?? null,
          createdAt,
        });
      } catch {
        recent.delete(message.id);
        socket.to(kit.roomKey(payload.roomId)).emit('chat:unsent', { roomId: payload.roomId, messageId: message.id });
        throw roomErrors.internal();
      }
      return message;
    });

    kit.handle(socket, 'chat:history', chatHistoryPayload, async (payload, userId) => {
      kit.requireJoined(socket, payload.roomId);
      return rooms.chatHistory(deps, userId, payload);
    });

    kit.handle(socket, 'chat:react', chatReactPayload, async (payload, userId) => {
      kit.requireJoined(socket, payload.roomId);
      // A message sent a moment ago may still be on its way to the table.
      await writer.whenWritten(payload.messageId);
      const reactions = await rooms.toggleReaction(deps, userId, payload);
      kit.nsp
        .to(kit.roomKey(payload.roomId))
        .emit('chat:reaction', { roomId: payload.roomId, messageId: payload.messageId, userId, reactions });
      return null;
    });
  }

  return {
    register,
    roomChanged(roomId) {
      gate.forget(roomId);
      if (services.redis) (kit.nsp as unknown as { serverSideEmit(event: string, roomId: string): void }).serverSideEmit(FORGET_EVENT, roomId);
    },
    prime: (roomId, userId) => gate.prime(roomId, userId),
    unwritten: (roomId) =>
      writer
        .unwritten(roomId)
        .map((m) => recent.get(m.id))
        .filter((m): m is ChatMessage => m !== undefined),
    prune: () => gate.prune(),
    close: async () => {
      await writer.close();
      await chatXp.close();
    },
  };
}
