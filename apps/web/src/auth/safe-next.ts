/** Where to go after signing in, when nothing else is asked for. */
export const DEFAULT_AFTER_SIGN_IN = '/home';

/**
 * A `next` parameter is only followed when it is a path on this site: `/settings`, not
 * `https://evil.example`, `//evil.example` or `/\evil.example` (which browsers treat as another host).
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // Control characters (tabs, newlines) are dropped by URL parsers and can smuggle a host in.
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return DEFAULT_AFTER_SIGN_IN;
  // Signing in should never lead straight back to the auth pages themselves.
  if (/^\/(sign-in|sign-up|signed-out)(\/|\?|#|$)/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  return value;
}
