import { publicProfileSchema, type PublicProfile } from '@wt/schemas';

export type ProfileLookup =
  | { kind: 'found'; profile: PublicProfile }
  | { kind: 'not-found' }
  /** The API did not answer usefully: the page says so rather than claiming the person does not exist. */
  | { kind: 'unavailable' };

/** Usernames as the API accepts them; anything else cannot name anyone. */
const USERNAME_SHAPE = /^[A-Za-z0-9_]{1,20}$/;

/**
 * The public profile as a signed-out visitor sees it (the server-rendered page has no viewer: what it
 * sends to browsers and crawlers is exactly what the owner shows everyone). A signed-in viewer's
 * browser fetches its own view afterwards.
 */
export async function fetchPublicProfile(
  fetchFn: (url: string, init: RequestInit) => Promise<Response>,
  apiOrigin: string,
  username: string,
  timeoutMs = 3_000,
): Promise<ProfileLookup> {
  if (!USERNAME_SHAPE.test(username)) return { kind: 'not-found' };
  let response: Response;
  try {
    response = await fetchFn(`${apiOrigin}/api/users/${encodeURIComponent(username)}/profile`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status === 404) return { kind: 'not-found' };
  if (!response.ok) return { kind: 'unavailable' };
  const parsed = publicProfileSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? { kind: 'found', profile: parsed.data } : { kind: 'unavailable' };
}
