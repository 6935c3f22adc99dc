import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';

/**
 * A failed `guilds.*` tRPC call as a sentence for people: the API puts the guild code (GUILD_FULL,
 * NAME_TAKEN, LEADER_MUST_TRANSFER...) in `error.data.guildCode` and the sentence in `error.message`.
 * A failed input check (BAD_REQUEST) carries zod's issues as JSON instead: their sentences become
 * `fields`, keyed by the input field they belong to, so a form shows each beside its field.
 */
export interface GuildFailure {
  code: string;
  message: string;
  fields: Record<string, string>;
}

const BY_TRPC_CODE: Record<string, string> = {
  UNAUTHORIZED: 'UNAUTHENTICATED',
  NOT_FOUND: 'GUILD_NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  BAD_REQUEST: 'VALIDATION_FAILED',
  CONFLICT: 'CONFLICT',
};

/** Which form field a refusal code belongs to when the API names none. */
const CODE_FIELDS: Record<string, string> = {
  NAME_TAKEN: 'name',
  CONFIRMATION_MISMATCH: 'confirmName',
};

export function guildErrorOf(error: unknown): GuildFailure {
  if (!error || typeof error !== 'object')
    return { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE, fields: {} };
  const { message, data } = error as {
    message?: unknown;
    data?: { guildCode?: unknown; code?: unknown } | null;
  };
  // No `data`: the request never reached the API (offline, aborted).
  if (!data) return { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, fields: {} };
  const code =
    typeof data.guildCode === 'string'
      ? data.guildCode
      : (BY_TRPC_CODE[typeof data.code === 'string' ? data.code : ''] ?? 'UNEXPECTED');
  const issues = zodIssuesIn(message);
  if (issues) {
    const fields: Record<string, string> = {};
    for (const issue of issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && !(field in fields)) fields[field] = issue.message;
    }
    return { code, message: issues[0]?.message ?? UNEXPECTED_MESSAGE, fields };
  }
  const sentence = typeof message === 'string' && message.trim() ? message.trim() : UNEXPECTED_MESSAGE;
  const field = CODE_FIELDS[code];
  return { code, message: sentence, fields: field ? { [field]: sentence } : {} };
}

interface Issue {
  path: unknown[];
  message: string;
}

/** tRPC reports a failed input check as JSON of zod issues; null when the message is a sentence. */
function zodIssuesIn(message: unknown): Issue[] | null {
  if (typeof message !== 'string') return null;
  const text = message.trim();
  if (!text.startsWith('[') && !text.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const list = Array.isArray(parsed) ? parsed : [];
    const issues = list.filter(
      (i): i is Issue =>
        Boolean(i) &&
        typeof i === 'object' &&
        typeof (i as Issue).message === 'string' &&
        Array.isArray((i as Issue).path),
    );
    return issues.length > 0 ? issues : [{ path: [], message: UNEXPECTED_MESSAGE }];
  } catch {
    return [{ path: [], message: UNEXPECTED_MESSAGE }];
  }
}
