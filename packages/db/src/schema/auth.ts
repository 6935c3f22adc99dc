import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz, uuidPk } from './columns';
import { users } from './users';

/*
 * Auth tables in Better Auth's shapes (session / account / verification / twoFactor, plural table names,
 * snake_case columns) so the adapter can be plugged in with a field map and uuid ids.
 */

export const sessions = pgTable(
  'sessions',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    expiresAt: timestamptz('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    revokedAt: timestamptz('revoked_at'),
    ...timestamps(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuidPk(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The provider's id for the user; for provider 'credential' it is our user id (as Better Auth does). */
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamptz('access_token_expires_at'),
    refreshTokenExpiresAt: timestamptz('refresh_token_expires_at'),
    scope: text('scope'),
    /** Password hash (argon2id, PHC string) for provider 'credential'; never the password. */
    password: text('password'),
    ...timestamps(),
  },
  (t) => [
    unique('accounts_provider_account_key').on(t.providerId, t.accountId),
    index('accounts_user_id_idx').on(t.userId),
  ],
);

/** Email verification, password reset and magic-link values (Better Auth `verification`). */
export const verifications = pgTable(
  'verifications',
  {
    id: uuidPk(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

export const twoFactors = pgTable('two_factors', {
  id: uuidPk(),
  // unique: one TOTP secret per user; the unique index also serves the foreign key.
  userId: uuid('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The TOTP secret sealed with AES-256-GCM under a key derived from the auth secret, never in clear. */
  secret: text('secret').notNull(),
  /** JSON array of salted SHA-256 hashes of the unused backup codes. */
  backupCodes: text('backup_codes').notNull(),
  /** TOTP time step (unix seconds / 30) of the last accepted code: a code of that step or older is a replay. */
  lastTotpStep: integer('last_totp_step'),
  ...timestamps(),
});

/**
 * Refresh tokens for rotation with reuse detection (seed 000 JWT strategy): each refresh marks the
 * presented token used and issues a child (parent_id); presenting a used token again revokes the session.
 * Only a hash of the token is stored.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuidPk(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    parentId: uuid('parent_id').references((): AnyPgColumn => refreshTokens.id, { onDelete: 'set null' }),
    usedAt: timestamptz('used_at'),
    revokedAt: timestamptz('revoked_at'),
    expiresAt: timestamptz('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('refresh_tokens_session_id_idx').on(t.sessionId),
    index('refresh_tokens_parent_id_idx').on(t.parentId),
  ],
);

/** Development mail outbox (DESIGN section 2): mail is stored here and shown on a dev page when no provider is set. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuidPk(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    sentAt: timestamptz('sent_at'),
    ...timestamps(),
  },
  (t) => [
    index('mail_outbox_to_created_at_idx').on(t.to, t.createdAt.desc()),
    index('mail_outbox_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} IS NULL`),
  ],
);
