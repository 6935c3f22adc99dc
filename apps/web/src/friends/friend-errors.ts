import type { SocketError } from '@wt/schemas';
import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';

/**
 * A failed `friends.*` tRPC call as `{ code, message }`: the API puts the friends code (ALREADY_FRIENDS,
 * BLOCKED, NOT_ACCEPTING...) in `error.data.friendCode` and the sentence in `error.message`.
 */
export function friendErrorOf(error: unknown): SocketError {
  if (!error || typeof error !== 'object') return { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE };
  const { message, data } = error as { message?: unknown; data?: { friendCode?: unknown; code?: unknown } | null };
  // No `data`: the request never reached the API (offline, aborted).
  if (!data) return { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE };
  const code = typeof data.friendCode === 'string' ? data.friendCode : typeof data.code === 'string' ? data.code : 'UNEXPECTED';
  return { code, message: isSentence(message) ? message : UNEXPECTED_MESSAGE };
}

/** tRPC reports a failed input check as JSON of zod issues: that is not for people. */
function isSentence(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text.length > 0 && !text.startsWith('[') && !text.startsWith('{');
}
