import { z } from 'zod';

/**
 * The one place the web app reads process.env. Server-side only: next.config.ts uses it for the
 * rewrites, src/trpc/server.ts for server-side tRPC calls. The browser never needs the API origin,
 * it talks to this app's own origin and the rewrites forward to the API. The one value that reaches
 * browsers (GOOGLE_API_KEY) is handed to the room page by its server component at request time.
 */
const port = z.coerce
  .number({ message: 'expects a port number' })
  .int({ message: 'expects a whole port number' })
  .min(1, { message: 'expects a port number from 1 to 65535' })
  .max(65535, { message: 'expects a port number from 1 to 65535' });

const httpOrigin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        (url.pathname === '/' || url.pathname === '')
      );
    } catch {
      return false;
    }
  },
  { message: 'expects an origin such as http://127.0.0.1:4000 (scheme, host and port, no path)' },
);

const envSchema = z.object({
  /** Port of the API when it runs beside the web app; used to build the default API_ORIGIN. */
  API_PORT: port.default(4000),
  /** Where the API listens, as seen from the web server. Defaults to http://127.0.0.1:${API_PORT}. */
  API_ORIGIN: httpOrigin.optional(),
  /**
   * Optional Google API key with the Drive API enabled: public Drive videos then stream into the
   * room's own player (`alt=media`), fully synchronised. Browsers see it, so restrict it to the Drive
   * API and this site's address in the Google Cloud console.
   */
  GOOGLE_API_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'expects a Google API key (letters, digits, - and _)' })
    .optional(),
});

export interface WebEnv {
  /** Origin of the API, without a trailing slash. */
  API_ORIGIN: string;
  /** Google API key for Drive videos, or null to show Drive's own player. */
  GOOGLE_API_KEY: string | null;
}

/** Parses an environment; the first problem becomes one sentence that names the variable. */
export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  // An empty string means "unset" (as in `API_ORIGIN= pnpm start`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new Error(`Invalid environment variable ${name}: ${issue.message} (got "${source[name] ?? ''}").`);
  }
  const { API_PORT, API_ORIGIN, GOOGLE_API_KEY } = result.data;
  return {
    API_ORIGIN: (API_ORIGIN ?? `http://127.0.0.1:${API_PORT}`).replace(/\/+$/, ''),
    GOOGLE_API_KEY: GOOGLE_API_KEY ?? null,
  };
}

export const env: WebEnv = parseWebEnv(process.env);
