import { and, eq, sql } from 'drizzle-orm';
import { schema, type Database } from '@wt/db';
import type { Logger } from 'pino';

/*
 * Roles: everyone is a viewer, creators are approved through their creator profile, and admins are
 * made here: the first one from ADMIN_EMAIL at start-up, any other with `pnpm admin:grant <email|username>`.
 */

export type GrantAdminOutcome =
  | { status: 'promoted' | 'already-admin'; userId: string; username: string; email: string }
  | { status: 'not-found' };

/**
 * Makes an existing, not deleted account an admin. `login` is an email, or with `byUsername` also a
 * username (the CLI accepts either; ADMIN_EMAIL is an email only). Idempotent.
 */
export async function grantAdmin(
  db: Database,
  login: string,
  { byUsername = false }: { byUsername?: boolean } = {},
): Promise<GrantAdminOutcome> {
  const value = login.trim().toLowerCase();
  const matches = byUsername
    ? sql`(lower(${schema.users.email}) = ${value} OR lower(${schema.users.username}) = ${value})`
    : sql`lower(${schema.users.email}) = ${value}`;
  const [user] = await db
    .select({
      id: schema.users.id,
      username: schema.users.username,
      email: schema.users.email,
      role: schema.users.role,
    })
    .from(schema.users)
    .where(and(matches, sql`${schema.users.deletedAt} IS NULL`))
    .limit(1);
  if (!user) return { status: 'not-found' };
  const found = { userId: user.id, username: user.username, email: user.email };
  if (user.role === 'admin') return { status: 'already-admin', ...found };
  await db.update(schema.users).set({ role: 'admin' }).where(eq(schema.users.id, user.id));
  return { status: 'promoted', ...found };
}

/** Start-up: ADMIN_EMAIL becomes admin when that account exists (sign-up promotes it otherwise). */
export async function promoteAdminEmail(
  db: Database,
  email: string | undefined,
  log: Pick<Logger, 'info'>,
): Promise<void> {
  if (!email) return;
  const outcome = await grantAdmin(db, email);
  if (outcome.status === 'promoted') log.info(`ADMIN_EMAIL: ${outcome.username} is now an admin`);
  if (outcome.status === 'not-found')
    log.info('ADMIN_EMAIL: no account with that email yet; it becomes admin when it signs up');
}
