import {
  creatorPageSchema,
  seriesDetailSchema,
  shortsHomeSchema,
  watchViewSchema,
  type CreatorPage,
  type SeriesDetail,
  type ShortsHome,
  type WatchView,
} from '@wt/schemas';
import superjson from 'superjson';
import type { ZodType } from 'zod';

/**
 * The public Shorts queries as the server-rendered pages call them: a plain GET on the API's tRPC
 * endpoint (superjson input), with no viewer, so crawlers and share cards see what everyone sees. A
 * signed-in browser then asks for its own view (locks and progress).
 */

export type ShortsLookup<T> =
  | { kind: 'found'; data: T }
  | { kind: 'not-found' }
  /** The API did not answer usefully: the page says so rather than claiming the thing does not exist. */
  | { kind: 'unavailable' };

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export function trpcQueryUrl(apiOrigin: string, procedure: string, input: unknown): string {
  const base = `${apiOrigin}/trpc/${procedure}`;
  if (input === undefined) return base;
  return `${base}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** Slugs as the API accepts them; anything else names nothing. */
const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function fetchShortsQuery<T>(
  fetchFn: FetchFn,
  apiOrigin: string,
  procedure: string,
  input: unknown,
  schema: ZodType<T>,
  timeoutMs = 3_000,
): Promise<ShortsLookup<T>> {
  let response: Response;
  try {
    response = await fetchFn(trpcQueryUrl(apiOrigin, procedure, input), {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'unavailable' };
  }
  const body = (await response.json().catch(() => null)) as {
    result?: { data?: { json?: unknown; meta?: unknown } };
    error?: { json?: { data?: { code?: string; shortsCode?: string } } };
  } | null;
  const errorData = body?.error?.json?.data;
  if (response.status === 404 || errorData?.shortsCode === 'NOT_FOUND' || errorData?.code === 'NOT_FOUND') return { kind: 'not-found' };
  if (!response.ok || !body?.result?.data) return { kind: 'unavailable' };
  const data = body.result.data as Parameters<typeof superjson.deserialize>[0];
  const parsed = schema.safeParse(superjson.deserialize(data));
  return parsed.success ? { kind: 'found', data: parsed.data } : { kind: 'unavailable' };
}

export function fetchSeries(fetchFn: FetchFn, apiOrigin: string, slug: string): Promise<ShortsLookup<SeriesDetail>> {
  if (!SLUG_SHAPE.test(slug)) return Promise.resolve({ kind: 'not-found' });
  return fetchShortsQuery(fetchFn, apiOrigin, 'shorts.series', { slug }, seriesDetailSchema);
}

export function fetchCreator(fetchFn: FetchFn, apiOrigin: string, slug: string): Promise<ShortsLookup<CreatorPage>> {
  if (!SLUG_SHAPE.test(slug)) return Promise.resolve({ kind: 'not-found' });
  return fetchShortsQuery(fetchFn, apiOrigin, 'shorts.creator', { slug }, creatorPageSchema);
}

export function fetchShortsHome(fetchFn: FetchFn, apiOrigin: string): Promise<ShortsLookup<ShortsHome>> {
  return fetchShortsQuery(fetchFn, apiOrigin, 'shorts.home', undefined, shortsHomeSchema);
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An episode as a signed-out visitor sees it. The watch page starts a free episode from this before
 * the browser has run any script (its signed URL is in the HTML); the browser's own view (locks and
 * progress for this viewer) follows. Short timeout: the page must not wait long for an optimisation.
 */
export function fetchAnonymousWatch(fetchFn: FetchFn, apiOrigin: string, episodeId: string, timeoutMs = 1_500): Promise<ShortsLookup<WatchView>> {
  if (!UUID_SHAPE.test(episodeId)) return Promise.resolve({ kind: 'not-found' });
  return fetchShortsQuery(fetchFn, apiOrigin, 'shorts.watch', { episodeId }, watchViewSchema, timeoutMs);
}
