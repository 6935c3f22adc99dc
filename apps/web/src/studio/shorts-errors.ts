import { guildErrorOf } from '@/guilds/guild-errors';

/**
 * A failed `creators.*` / `studio.*` / `adminShorts.*` call as a sentence for people: the API puts the
 * Shorts code (NOT_CREATOR, SLUG_TAKEN, FORBIDDEN, NOT_READY...) in `error.data.shortsCode` and the
 * sentence in `error.message`; a failed input check (BAD_REQUEST) carries zod's issues, which become
 * `fields` keyed by input field. The tRPC failure reading is the guilds' one (same wire shape).
 */
export interface ShortsFailure {
  code: string;
  message: string;
  fields: Record<string, string>;
}

/** Which form field a refusal code belongs to when the API names none. */
const CODE_FIELDS: Record<string, string> = {
  SLUG_TAKEN: 'slug',
};

export function shortsErrorOf(error: unknown): ShortsFailure {
  const failure = guildErrorOf(error);
  const data =
    error && typeof error === 'object' ? (error as { data?: { shortsCode?: unknown } | null }).data : null;
  const code = typeof data?.shortsCode === 'string' ? data.shortsCode : failure.code;
  const field = CODE_FIELDS[code];
  const fields =
    Object.keys(failure.fields).length === 0 && field ? { [field]: failure.message } : failure.fields;
  return { code, message: failure.message, fields };
}
