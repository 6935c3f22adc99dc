import { and, isNull, type SQL } from 'drizzle-orm';
import { schema } from '@wt/db';

/**
 * The users anybody may see: neither deactivated (hidden at once, data kept 30 days) nor deleted
 * (waiting for, or done with, the GDPR purge). Every list, count and search of people adds this
 * condition, so a deactivation hides the account everywhere in one step.
 */
export const activeUsersFilter: SQL = and(
  isNull(schema.users.deactivatedAt),
  isNull(schema.users.deletedAt),
)!;
