import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import { OAUTH_PROVIDER_LABELS, OAUTH_PROVIDERS } from '@wt/schemas';
import type { Env } from '../../../env';
import type { AppServices } from '../../../services';
import type { OAuthProfile, OAuthProviderId } from './providers';
import { usernameBase } from './providers';

const STATE_TTL_MS = 10 * 60 * 1000;

export interface PendingOAuth {
  /** A sign-in provider, or 'spotify' for the Spotify connect flow (modules/spotify). */
  provider: OAuthProviderId | 'spotify';
  state: string;
  codeVerifier: string;
  nonce: string | null;
  /** Path on the web app to land on afterwards. */
  returnTo: string;
  /** Set when a signed-in user connects a provider from Settings. */
  linkUserId: string | null;
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Keeps the flow's secrets server-side; the browser only holds a random handle in a cookie. */
export async function savePendingOAuth(services: AppServices, pending: PendingOAuth): Promise<string> {
  const handle = randomBytes(32).toString('base64url');
  await services.db.insert(schema.verifications).values({
    identifier: `oauth-state:${hash(handle)}`,
    value: JSON.stringify(pending),
    expiresAt: new Date(services.now().getTime() + STATE_TTL_MS),
  });
  return handle;
}

/** Single use: the row is deleted as it is read. */
export async function takePendingOAuth(services: AppServices, handle: string): Promise<PendingOAuth | null> {
  const rows = await services.db
    .delete(schema.verifications)
    .where(eq(schema.verifications.identifier, `oauth-state:${hash(handle)}`))
    .returning();
  const row = rows[0];
  if (!row || row.expiresAt.getTime() < services.now().getTime()) return null;
  return JSON.parse(row.value) as PendingOAuth;
}

/** The cookie holding the pending-flow handle, scoped to the routes that read it back. */
export function pendingOAuthCookie(env: Env, path: string) {
  return {
    httpOnly: true,
    secure: env.COOKIE_SECURE,
    // Apple answers with a cross-site form POST, which a Lax cookie would not accompany.
    sameSite: env.COOKIE_SECURE ? ('none' as const) : ('lax' as const),
    path,
    maxAge: STATE_TTL_MS / 1000,
  };
}

/** Only a path on our own site: never an open redirect. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%#]*$/.test(value) ? value : '/home';
}

export type ResolveResult =
  | { ok: true; userId: string; created: boolean; linked: boolean }
  | { ok: false; code: 'OAUTH_EMAIL_IN_USE' | 'OAUTH_NO_EMAIL' | 'OAUTH_ACCOUNT_DISABLED' | 'OAUTH_ALREADY_LINKED'; message: string };

const labels = OAUTH_PROVIDER_LABELS;

/**
 * Who is this? An existing link wins; else a VERIFIED provider email links to the account with that
 * email; else a new account is created. An unverified provider email never takes over an account.
 */
export async function resolveOAuthUser(
  services: AppServices,
  profile: OAuthProfile,
  linkUserId: string | null,
): Promise<ResolveResult> {
  const { db } = services;
  const label = labels[profile.provider];
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: schema.accounts.userId, deletedAt: schema.users.deletedAt })
      .from(schema.accounts)
      .innerJoin(schema.users, eq(schema.users.id, schema.accounts.userId))
      .where(and(eq(schema.accounts.providerId, profile.provider), eq(schema.accounts.accountId, profile.accountId)));

    if (linkUserId) {
      if (existing && existing.userId !== linkUserId) {
        return { ok: false, code: 'OAUTH_ALREADY_LINKED', message: `That ${label} account is already connected to another WatchTogether account.` } as const;
      }
      if (!existing) await insertAccount(tx, linkUserId, profile);
      return { ok: true, userId: linkUserId, created: false, linked: !existing };
    }

    if (existing) {
      if (existing.deletedAt) {
        return { ok: false, code: 'OAUTH_ACCOUNT_DISABLED', message: 'This account has been deleted.' } as const;
      }
      return { ok: true, userId: existing.userId, created: false, linked: false };
    }

    if (!profile.email) {
      return { ok: false, code: 'OAUTH_NO_EMAIL', message: `${label} did not share an email address with us, so we cannot create your account. Allow email access and try again.` } as const;
    }

    const [byEmail] = await tx
      .select({ id: schema.users.id, deletedAt: schema.users.deletedAt })
      .from(schema.users)
      .where(sql`lower(${schema.users.email}) = ${profile.email}`);
    if (byEmail) {
      if (byEmail.deletedAt) {
        return { ok: false, code: 'OAUTH_ACCOUNT_DISABLED', message: 'This account has been deleted.' } as const;
      }
      if (!profile.emailVerified) {
        return {
          ok: false,
          code: 'OAUTH_EMAIL_IN_USE',
          message: `An account with ${profile.email} already exists. Sign in with your password, then connect ${label} in Settings.`,
        } as const;
      }
      await insertAccount(tx, byEmail.id, profile);
      // The provider vouched for the address, so it is verified for us too.
      await tx.update(schema.users).set({ emailVerified: true }).where(eq(schema.users.id, byEmail.id));
      return { ok: true, userId: byEmail.id, created: false, linked: true };
    }

    const username = await freeUsername(tx, usernameBase(profile));
    const isAdmin = services.env.ADMIN_EMAIL?.toLowerCase() === profile.email;
    const [user] = await tx
      .insert(schema.users)
      .values({
        username,
        email: profile.email,
        displayName: (profile.name ?? username).slice(0, 30),
        avatarUrl: profile.avatarUrl,
        emailVerified: profile.emailVerified,
        role: isAdmin ? 'admin' : 'viewer',
      })
      .returning({ id: schema.users.id });
    await insertAccount(tx, user!.id, profile);
    return { ok: true, userId: user!.id, created: true, linked: true };
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function insertAccount(tx: Tx, userId: string, profile: OAuthProfile): Promise<void> {
  await tx.insert(schema.accounts).values({ userId, providerId: profile.provider, accountId: profile.accountId });
}

async function freeUsername(tx: Tx, base: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const candidate = attempt === 0 ? base : `${base.slice(0, 16)}${Math.floor(Math.random() * 9000) + 1000}`;
    const [taken] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(sql`lower(${schema.users.username}) = lower(${candidate})`);
    if (!taken) return candidate;
  }
  return `user_${randomBytes(6).toString('hex')}`.slice(0, 20);
}

/** Providers connected to a user, and whether a password exists (so unlinking cannot lock them out). */
export async function connectedProviders(db: Database, userId: string) {
  const rows = await db
    .select({ providerId: schema.accounts.providerId, createdAt: schema.accounts.createdAt, password: schema.accounts.password })
    .from(schema.accounts)
    .where(eq(schema.accounts.userId, userId));
  return {
    hasPassword: rows.some((r) => r.providerId === 'credential' && r.password),
    // Only sign-in providers: a Spotify connection (playback tokens) is no way to sign in.
    providers: rows
      .filter((r) => (OAUTH_PROVIDERS as readonly string[]).includes(r.providerId))
      .map((r) => ({ provider: r.providerId as OAuthProviderId, connectedAt: r.createdAt.toISOString() })),
  };
}

export async function unlinkProvider(
  db: Database,
  userId: string,
  provider: OAuthProviderId,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const { hasPassword, providers } = await connectedProviders(db, userId);
  if (!providers.some((p) => p.provider === provider)) return { ok: false, message: `${labels[provider]} is not connected.` };
  if (!hasPassword && providers.length === 1) {
    return { ok: false, message: `Set a password first: ${labels[provider]} is the only way you can sign in.` };
  }
  await db
    .delete(schema.accounts)
    .where(and(eq(schema.accounts.userId, userId), eq(schema.accounts.providerId, provider)));
  return { ok: true };
}
