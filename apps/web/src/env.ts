import { z } from 'zod';

/**
 * The one place the web app reads process.env. Server-side only: next.config.ts uses it for the
 * rewrites, src/trpc/server.ts for server-side tRPC calls. The browser never needs the API origin,
 * it talks to this app's own origin and the rewrites forward to the API.
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
});

export interface WebEnv {
  /** Origin of the API, without a trailing slash. */
  API_ORIGIN: string;
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
  const { API_PORT, API_ORIGIN } = result.data;
  return { API_ORIGIN: (API_ORIGIN ?? `http://127.0.0.1:${API_PORT}`).replace(/\/+$/, '') };
}

export const env: WebEnv = parseWebEnv(process.env);
