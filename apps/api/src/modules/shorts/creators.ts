import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { CreatorApplication, CreatorPage, CreatorProfile, creatorApplicationInput, creatorReviewInput } from '@wt/schemas';
import type { z } from 'zod';
import type { Queryable } from '../rooms/views';
import { shortsErrors } from './errors';
import { loadSeriesCards } from './viewing';

/**
 * Creators (issue 9 point 1): a viewer applies (display name, page address, bio, links); an admin
 * approves or rejects with a reason; an approved creator has the studio and a page at /creators/<slug>.
 * A rejected applicant may apply again (the same profile goes back to `applied`).
 */

export interface CreatorDeps {
  db: Database;
  now: () => Date;
}

type ProfileRow = {
  id: string;
  slug: string;
  display_name: string;
  bio: string | null;
  avatar_url: string | null;
  links: string[];
  status: CreatorProfile['status'];
  review_reason: string | null;
  created_at: Date;
};

const PROFILE_COLUMNS = sql`c.id, c.slug, c.display_name, c.bio, c.avatar_url, c.links, c.status, c.review_reason, c.created_at`;

function profileOf(r: ProfileRow): CreatorProfile {
  return {
    id: r.id,
    slug: r.slug,
    displayName: r.display_name,
    bio: r.bio ?? '',
    avatarUrl: r.avatar_url,
    links: Array.isArray(r.links) ? r.links : [],
    status: r.status,
    reason: r.status === 'rejected' ? r.review_reason : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function myCreatorProfile(db: Queryable, userId: string): Promise<CreatorProfile | null> {
  const { rows } = await db.execute<ProfileRow>(sql`SELECT ${PROFILE_COLUMNS} FROM creator_profiles c WHERE c.user_id = ${userId}`);
  return rows[0] ? profileOf(rows[0]) : null;
}

/** The approved creator profile of a user, or NOT_CREATOR. */
export async function requireCreator(db: Queryable, userId: string): Promise<{ id: string }> {
  const { rows } = await db.execute<{ id: string }>(
    sql`SELECT id FROM creator_profiles WHERE user_id = ${userId} AND status = 'approved'`,
  );
  if (!rows[0]) throw shortsErrors.notCreator();
  return rows[0];
}

export async function applyAsCreator(
  deps: CreatorDeps,
  userId: string,
  input: z.output<typeof creatorApplicationInput>,
): Promise<CreatorProfile> {
  const now = deps.now();
  try {
    await deps.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ status: string }>(
        sql`SELECT status FROM creator_profiles WHERE user_id = ${userId} FOR UPDATE`,
      );
      const current = rows[0]?.status;
      if (current === 'applied' || current === 'approved') throw shortsErrors.alreadyApplied();
      const links = JSON.stringify(input.links);
      if (current === 'rejected') {
        await tx.execute(sql`
          UPDATE creator_profiles SET status = 'applied', slug = ${input.slug}, display_name = ${input.displayName},
            bio = ${input.bio || null}, links = ${links}::jsonb, review_reason = NULL, reviewed_by = NULL, reviewed_at = NULL,
            updated_at = ${now}
          WHERE user_id = ${userId}`);
      } else {
        await tx.execute(sql`
          INSERT INTO creator_profiles (user_id, status, slug, display_name, bio, links, created_at, updated_at)
          VALUES (${userId}, 'applied', ${input.slug}, ${input.displayName}, ${input.bio || null}, ${links}::jsonb, ${now}, ${now})`);
      }
    });
  } catch (err) {
    const cause = ((err as { cause?: unknown })?.cause ?? err) as { code?: string; constraint?: string };
    if (cause?.code === '23505' && cause.constraint === 'creator_profiles_slug_unique') throw shortsErrors.slugTaken('creator page');
    if (cause?.code === '23505' && cause.constraint === 'creator_profiles_user_id_unique') throw shortsErrors.alreadyApplied();
    throw err;
  }
  return (await myCreatorProfile(deps.db, userId))!;
}

type ApplicationRow = ProfileRow & { username: string; email: string };

const applicationOf = (r: ApplicationRow): CreatorApplication => ({ ...profileOf(r), username: r.username, email: r.email });

export async function pendingApplications(db: Queryable): Promise<CreatorApplication[]> {
  const { rows } = await db.execute<ApplicationRow>(sql`
    SELECT ${PROFILE_COLUMNS}, u.username, u.email FROM creator_profiles c JOIN users u ON u.id = c.user_id
    WHERE c.status = 'applied' AND u.deleted_at IS NULL ORDER BY c.created_at, c.id`);
  return rows.map(applicationOf);
}

/** Approving makes the account a creator (admins stay admins); rejecting keeps the reason for the applicant. */
export async function reviewApplication(
  deps: CreatorDeps,
  adminId: string,
  input: z.output<typeof creatorReviewInput>,
): Promise<CreatorApplication> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ user_id: string; status: string }>(
      sql`SELECT user_id, status FROM creator_profiles WHERE id = ${input.creatorId} FOR UPDATE`,
    );
    const profile = rows[0];
    if (!profile) throw shortsErrors.notFound('application');
    if (profile.status !== 'applied') throw shortsErrors.conflict('This application was already reviewed. Reload the list.');
    if (input.decision === 'reject' && !input.reason) throw shortsErrors.validation('Say why the application is rejected: the applicant reads it.');
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await tx.execute(sql`
      UPDATE creator_profiles SET status = ${status}, review_reason = ${input.reason || null}, reviewed_by = ${adminId},
        reviewed_at = ${now}, updated_at = ${now}
      WHERE id = ${input.creatorId}`);
    if (status === 'approved') {
      await tx.execute(sql`UPDATE users SET role = 'creator', updated_at = ${now} WHERE id = ${profile.user_id} AND role = 'viewer'`);
    }
    const { rows: out } = await tx.execute<ApplicationRow>(sql`
      SELECT ${PROFILE_COLUMNS}, u.username, u.email FROM creator_profiles c JOIN users u ON u.id = c.user_id WHERE c.id = ${input.creatorId}`);
    return applicationOf(out[0]!);
  });
}

/** /creators/<slug>: an approved creator and their published series. */
export async function creatorPage(db: Queryable, slug: string): Promise<CreatorPage> {
  const { rows } = await db.execute<ProfileRow>(
    sql`SELECT ${PROFILE_COLUMNS} FROM creator_profiles c WHERE c.slug = ${slug} AND c.status = 'approved'`,
  );
  if (!rows[0]) throw shortsErrors.notFound('creator');
  const creator = profileOf(rows[0]);
  return { creator, series: await loadSeriesCards(db, sql`r.creator_id = ${creator.id}`, 100) };
}
