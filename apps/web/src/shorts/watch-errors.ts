import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';

/**
 * A failed `shorts.*` call as the sentence to show. The API puts its reason in `error.message` and a
 * code in `error.data.shortsCode`; no `data` means the request never reached it.
 */
export function watchErrorMessage(error: unknown): string {
  if (!error || typeof error !== 'object') return UNEXPECTED_MESSAGE;
  const { message, data } = error as { message?: unknown; data?: { shortsCode?: unknown; code?: unknown } | null };
  if (!data) return NETWORK_ERROR_MESSAGE;
  if (data.code === 'NOT_FOUND' || data.shortsCode === 'NOT_FOUND') {
    return isSentence(message) ? message : 'That episode does not exist, or is not published yet.';
  }
  // A malformed id is a zod report, not a sentence.
  if (data.code === 'BAD_REQUEST' && !isSentence(message)) return 'That episode link is not valid.';
  return isSentence(message) ? message : UNEXPECTED_MESSAGE;
}

function isSentence(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text.length > 0 && !text.startsWith('[') && !text.startsWith('{');
}
