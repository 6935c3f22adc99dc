import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import { readUserSettings, type UserSettings, type updateSettingsInput } from '@wt/schemas';
import type { z } from 'zod';

/**
 * Settings (issue 6): users.settings jsonb, read through readUserSettings so an old or empty value
 * still gives the full shape. Each part (privacy, notifications, roomDefaults) is written whole and
 * merged with `||`, so a part another screen saved is kept.
 */

export async function getSettings(db: Database, userId: string): Promise<UserSettings> {
  const { rows } = await db.execute<{ settings: unknown }>(sql`SELECT settings FROM users WHERE id = ${userId}`);
  return readUserSettings(rows[0]?.settings);
}

export async function updateSettings(
  db: Database,
  userId: string,
  input: z.output<typeof updateSettingsInput>,
  now: Date,
): Promise<UserSettings> {
  const parts = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const { rows } = await db.execute<{ settings: unknown }>(sql`
    UPDATE users SET settings = settings || ${JSON.stringify(parts)}::jsonb, updated_at = ${now}
    WHERE id = ${userId} RETURNING settings`);
  return readUserSettings(rows[0]?.settings);
}
