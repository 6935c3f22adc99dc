import type { SocketError } from '@wt/schemas';
import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';

/**
 * A failed `rooms.*` tRPC call as a refusal like a socket ack's: the API puts the room code in
 * `error.data.roomCode` and the sentence in `error.message`.
 */

const BY_TRPC_CODE: Record<string, string> = {
  UNAUTHORIZED: 'UNAUTHENTICATED',
  NOT_FOUND: 'ROOM_NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  BAD_REQUEST: 'VALIDATION_FAILED',
};

export function roomErrorOf(error: unknown): SocketError {
  if (!error || typeof error !== 'object') return { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE };
  const { message, data } = error as {
    message?: unknown;
    data?: { roomCode?: unknown; code?: unknown } | null;
  };
  // No `data`: the request never reached the API (offline, aborted).
  if (!data) return { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE };
  const code =
    typeof data.roomCode === 'string'
      ? data.roomCode
      : (BY_TRPC_CODE[typeof data.code === 'string' ? data.code : ''] ?? 'UNEXPECTED');
  return { code, message: isSentence(message) ? message : UNEXPECTED_MESSAGE };
}

/** tRPC reports a failed input check as JSON of zod issues: that is not for people. */
function isSentence(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text.length > 0 && !text.startsWith('[') && !text.startsWith('{');
}
