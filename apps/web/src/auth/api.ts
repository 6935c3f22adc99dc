import { apiErrorSchema } from '@wt/schemas';
import type { ZodType } from 'zod';

/**
 * The REST calls of the auth pages and Settings > Account, over same-origin fetch (next.config.ts
 * rewrites /api/* to the API, so the refresh cookie stays first-party). Every failure becomes one
 * `ApiFailure` with a sentence to show; nothing here throws for an HTTP or network problem.
 */

export interface ApiFailure {
  /** A code from AUTH_ERROR_CODES, or NETWORK / UNAVAILABLE / UNEXPECTED for transport problems. */
  code: string;
  /** The sentence to show. */
  message: string;
  /** One sentence per invalid field, keyed by the input's field name. */
  fields?: Record<string, string>;
  /** HTTP status, 0 when the request never got an answer. */
  status: number;
  /** For RATE_LIMITED: how long to wait before trying again. */
  retryAfterSeconds?: number;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiFailure };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const NETWORK_ERROR_MESSAGE = "We couldn't reach WatchTogether. Check your connection and try again.";
export const UNAVAILABLE_MESSAGE = "WatchTogether isn't answering right now. Try again in a moment.";
export const UNEXPECTED_MESSAGE = 'Something went wrong on our side. Try again in a moment.';
export const RATE_LIMITED_MESSAGE = 'Too many attempts. Wait a moment, then try again.';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** Sends `Authorization: Bearer <token>`. */
  token?: string | null;
}

/** Builds the fetch init of an API call (JSON body, same-origin cookies, optional bearer token). */
export function apiInit({ method = 'GET', body, token }: ApiRequest = {}): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  return {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  };
}

/**
 * Calls the API and reads its answer. `schema` checks a success body; without one the body (if any)
 * is returned as is. An answer that does not match the schema is reported as UNEXPECTED rather than
 * trusted.
 */
export async function callApi<T = unknown>(
  fetchFn: FetchLike,
  path: string,
  request: ApiRequest = {},
  schema?: ZodType<T>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(path, apiInit(request));
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, status: 0 } };
  }
  return readApiResponse(response, schema);
}

/** Turns a Response into an ApiResult (exported for authFetch callers that already hold one). */
export async function readApiResponse<T = unknown>(
  response: Response,
  schema?: ZodType<T>,
): Promise<ApiResult<T>> {
  const body = await readJson(response);
  if (response.ok) {
    if (!schema) return { ok: true, status: response.status, data: body as T };
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, status: response.status, data: parsed.data };
    return { ok: false, error: { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE, status: response.status } };
  }
  return { ok: false, error: apiFailure(response, body) };
}

/** The error of a non-2xx answer: the API's own `{ error }` body when there is one. */
export function apiFailure(response: Pick<Response, 'status' | 'headers'>, body: unknown): ApiFailure {
  const retryAfterSeconds = retryAfter(response, body);
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return {
      code,
      message,
      status: response.status,
      ...(fields && Object.keys(fields).length > 0 ? { fields } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (response.status === 429) {
    return {
      code: 'RATE_LIMITED',
      message: RATE_LIMITED_MESSAGE,
      status: 429,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (response.status >= 500)
    return { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE, status: response.status };
  return { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE, status: response.status };
}

/** `retryAfterSeconds` in the error body (or beside it), else the Retry-After header in seconds. */
function retryAfter(response: Pick<Response, 'headers'>, body: unknown): number | undefined {
  const fromBody = (value: unknown) =>
    typeof value === 'number' && value >= 0 ? Math.ceil(value) : undefined;
  if (body && typeof body === 'object') {
    const record = body as { retryAfterSeconds?: unknown; error?: { retryAfterSeconds?: unknown } };
    const seconds = fromBody(record.error?.retryAfterSeconds) ?? fromBody(record.retryAfterSeconds);
    if (seconds !== undefined) return seconds;
  }
  const header = response.headers.get('retry-after');
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim());
  return undefined;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The browser's fetch, late-bound (tests and the API routes never see a stale global). */
export const browserFetch: FetchLike = (input, init) => fetch(input, init);
