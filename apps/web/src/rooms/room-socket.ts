import type { RoomsClientToServerEvents, RoomsServerToClientEvents, SocketError } from '@wt/schemas';
import type { Socket } from 'socket.io-client';

/** The /rooms socket with its event maps from @wt/schemas. */
export type RoomsSocket = Socket<RoomsServerToClientEvents, RoomsClientToServerEvents>;

export type ClientEvent = keyof RoomsClientToServerEvents;
export type PayloadOf<E extends ClientEvent> = Parameters<RoomsClientToServerEvents[E]>[0];
/** The ack an event answers with: `{ ok: true, data } | { ok: false, error }`. */
export type AckOf<E extends ClientEvent> = Parameters<
  NonNullable<Parameters<RoomsClientToServerEvents[E]>[1]>
>[0];

export const ACK_TIMEOUT_MS = 10_000;

export const TIMEOUT_ERROR: SocketError = {
  code: 'TIMEOUT',
  message: "The room didn't answer. Check your connection and try again.",
};

const MALFORMED_ERROR: SocketError = {
  code: 'UNEXPECTED',
  message: 'Something went wrong on our side. Try again in a moment.',
};

/**
 * Emits a room event and resolves with its ack; never rejects. No answer within the timeout (offline,
 * server gone) resolves as a TIMEOUT refusal the UI shows like any other.
 */
export function request<E extends ClientEvent>(
  socket: RoomsSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<AckOf<E>> {
  // socket.io's typed `timeout().emit` cannot follow a generic event name; the map above types the result.
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emit: (event: string, payload: unknown, ack: (err: Error | null, answer: unknown) => void) => void;
  };
  return new Promise((resolve) => {
    emitter.emit(event, payload, (err, answer) => {
      if (err) return resolve({ ok: false, error: TIMEOUT_ERROR } as AckOf<E>);
      resolve(readAck(answer) as AckOf<E>);
    });
  });
}

/** An ack as the contract shapes it, or an UNEXPECTED refusal for anything else. */
export function readAck(answer: unknown): { ok: true; data: unknown } | { ok: false; error: SocketError } {
  if (answer && typeof answer === 'object' && 'ok' in answer) {
    const ack = answer as { ok: unknown; data?: unknown; error?: Partial<SocketError> };
    if (ack.ok === true) return { ok: true, data: ack.data ?? null };
    if (ack.ok === false && typeof ack.error?.message === 'string') {
      return {
        ok: false,
        error: { code: String(ack.error.code ?? 'UNEXPECTED'), message: ack.error.message },
      };
    }
  }
  return { ok: false, error: MALFORMED_ERROR };
}
