import type { GuildsClientToServerEvents, GuildsServerToClientEvents, SocketError } from '@wt/schemas';
import type { Socket } from 'socket.io-client';
import { ACK_TIMEOUT_MS, readAck } from '@/rooms/room-socket';

/** The /guilds socket with its event maps from @wt/schemas. */
export type GuildsSocket = Socket<GuildsServerToClientEvents, GuildsClientToServerEvents>;

export type GuildClientEvent = keyof GuildsClientToServerEvents;
export type GuildPayloadOf<E extends GuildClientEvent> = Parameters<GuildsClientToServerEvents[E]>[0];
/** The ack an event answers with: `{ ok: true, data } | { ok: false, error }`. */
export type GuildAckOf<E extends GuildClientEvent> = Parameters<
  Parameters<GuildsClientToServerEvents[E]>[1]
>[0];

export const GUILD_TIMEOUT_ERROR: SocketError = {
  code: 'TIMEOUT',
  message: "The guild chat didn't answer. Check your connection and try again.",
};

/**
 * Emits a guild event and resolves with its ack; never rejects. No answer within the timeout resolves
 * as a TIMEOUT refusal, shown like any other.
 */
export function guildRequest<E extends GuildClientEvent>(
  socket: GuildsSocket,
  event: E,
  payload: GuildPayloadOf<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<GuildAckOf<E>> {
  // socket.io's typed `timeout().emit` cannot follow a generic event name; the map above types the result.
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emit: (event: string, payload: unknown, ack: (err: Error | null, answer: unknown) => void) => void;
  };
  return new Promise((resolve) => {
    emitter.emit(event, payload, (err, answer) => {
      if (err) return resolve({ ok: false, error: GUILD_TIMEOUT_ERROR } as GuildAckOf<E>);
      resolve(readAck(answer) as GuildAckOf<E>);
    });
  });
}
