import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import {
  creatorApplicationInput,
  creatorReviewInput,
  creatorSlugInput,
  episodeIdInput,
  episodeInput,
  episodeProgressInput,
  featureSeriesInput,
  grantSeasonAccessInput,
  reorderEpisodesInput,
  seasonIdInput,
  seasonInput,
  seriesIdInput,
  seriesInput,
  seriesSlugInput,
  updateEpisodeInput,
  updateSeasonInput,
  updateSeriesInput,
  type ShortsErrorCode,
} from '@wt/schemas';
import { adminProcedure, protectedProcedure, publicProcedure, router } from '../../trpc/trpc';
import type { TrpcContext } from '../../trpc/context';
import { applyAsCreator, creatorPage, myCreatorProfile, pendingApplications, reviewApplication } from './creators';
import { featuredSlots, featureSeries, unfeatureSeries } from './curation';
import { isShortsError } from './errors';
import * as studio from './studio';
import { loadSeriesCards, saveProgress, seriesDetail, shortsHome, watchTogether, watchView, type Viewer } from './viewing';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

const TRPC_CODES: Partial<Record<ShortsErrorCode, TrpcCode>> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  UPLOAD_REFUSED: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SIGN_IN_REQUIRED: 'UNAUTHORIZED',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_APPLIED: 'CONFLICT',
  SLUG_TAKEN: 'CONFLICT',
  CONFLICT: 'CONFLICT',
  NOT_READY: 'CONFLICT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** Shorts refusals become tRPC errors with the sentence as message and the code in `data.shortsCode`. */
function mapRefusal<R>(result: R): R {
  const failed = result as { ok: boolean; error?: { cause?: unknown } };
  if (!failed.ok && isShortsError(failed.error?.cause)) {
    const cause = failed.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code] ?? 'FORBIDDEN', message: cause.message, cause });
  }
  return result;
}

const open = publicProcedure.use(async ({ next }) => mapRefusal(await next()));
const signedIn = protectedProcedure.use(async ({ next }) => mapRefusal(await next()));
const admin = adminProcedure.use(async ({ next }) => mapRefusal(await next()));

const viewerOf = (ctx: TrpcContext): Viewer | null => (ctx.auth ? { userId: ctx.auth.userId, role: ctx.auth.role } : null);
const studioDeps = (ctx: { services: TrpcContext['services'] }) => ctx.services;

/** shorts.*: what viewers read (signed out too) and their progress. */
export const shortsRouter = router({
  home: open.query(({ ctx }) => shortsHome(ctx.services)),
  series: open.input(seriesSlugInput).query(({ ctx, input }) => seriesDetail(ctx.services, viewerOf(ctx), input.slug)),
  watch: open.input(episodeIdInput).query(({ ctx, input }) => watchView(ctx.services, viewerOf(ctx), input.episodeId)),
  creator: open.input(creatorSlugInput).query(({ ctx, input }) => creatorPage(ctx.services.db, input.slug)),
  /** Opens a watch room on the episode (the caller must be able to play it). */
  watchTogether: signedIn
    .input(episodeIdInput)
    .mutation(({ ctx, input }) => watchTogether(ctx.services, { userId: ctx.auth.userId, role: ctx.auth.role }, input.episodeId)),
  saveProgress: signedIn
    .input(episodeProgressInput)
    .mutation(({ ctx, input }) => saveProgress(ctx.services, { userId: ctx.auth.userId, role: ctx.auth.role }, input)),
});

/** creators.*: applying, and the admins' review. */
export const creatorsRouter = router({
  mine: signedIn.query(({ ctx }) => myCreatorProfile(ctx.services.db, ctx.auth.userId)),
  // `apply` is a word tRPC reserves: the application is sent as `creators.submitApplication`.
  submitApplication: signedIn.input(creatorApplicationInput).mutation(({ ctx, input }) => applyAsCreator(ctx.services, ctx.auth.userId, input)),
  pending: admin.query(({ ctx }) => pendingApplications(ctx.services.db)),
  review: admin.input(creatorReviewInput).mutation(({ ctx, input }) => reviewApplication(ctx.services, ctx.auth.userId, input)),
});

/** studio.*: a creator's own series, seasons and episodes; every ownership check is in studio.ts. */
export const studioRouter = router({
  overview: signedIn.query(({ ctx }) => studio.studioOverview(studioDeps(ctx), ctx.auth.userId)),
  series: signedIn.input(seriesIdInput).query(({ ctx, input }) => studio.studioSeries(studioDeps(ctx), ctx.auth.userId, input.seriesId)),
  createSeries: signedIn.input(seriesInput).mutation(({ ctx, input }) => studio.createSeries(studioDeps(ctx), ctx.auth.userId, input)),
  updateSeries: signedIn.input(updateSeriesInput).mutation(({ ctx, input }) => studio.updateSeries(studioDeps(ctx), ctx.auth.userId, input)),
  deleteSeries: signedIn
    .input(seriesIdInput)
    .mutation(({ ctx, input }) => studio.deleteSeries(studioDeps(ctx), ctx.auth.userId, input.seriesId)),
  createSeason: signedIn.input(seasonInput).mutation(({ ctx, input }) => studio.createSeason(studioDeps(ctx), ctx.auth.userId, input)),
  updateSeason: signedIn.input(updateSeasonInput).mutation(({ ctx, input }) => studio.updateSeason(studioDeps(ctx), ctx.auth.userId, input)),
  deleteSeason: signedIn
    .input(seasonIdInput)
    .mutation(({ ctx, input }) => studio.deleteSeason(studioDeps(ctx), ctx.auth.userId, input.seasonId)),
  createEpisode: signedIn.input(episodeInput).mutation(({ ctx, input }) => studio.createEpisode(studioDeps(ctx), ctx.auth.userId, input)),
  updateEpisode: signedIn
    .input(updateEpisodeInput)
    .mutation(({ ctx, input }) => studio.updateEpisode(studioDeps(ctx), ctx.auth.userId, input)),
  deleteEpisode: signedIn
    .input(episodeIdInput)
    .mutation(({ ctx, input }) => studio.deleteEpisode(studioDeps(ctx), ctx.auth.userId, input.episodeId)),
  reorderEpisodes: signedIn
    .input(reorderEpisodesInput)
    .mutation(({ ctx, input }) => studio.reorderEpisodes(studioDeps(ctx), ctx.auth.userId, input)),
  publishEpisode: signedIn
    .input(episodeIdInput)
    .mutation(({ ctx, input }) => studio.publishEpisode(studioDeps(ctx), ctx.auth.userId, input.episodeId)),
  unpublishEpisode: signedIn
    .input(episodeIdInput)
    .mutation(({ ctx, input }) => studio.unpublishEpisode(studioDeps(ctx), ctx.auth.userId, input.episodeId)),
  uploadTarget: signedIn
    .input(episodeIdInput)
    .mutation(({ ctx, input }) => studio.uploadTarget(studioDeps(ctx), ctx.auth.userId, input.episodeId)),
  grantAccess: signedIn
    .input(grantSeasonAccessInput)
    .mutation(({ ctx, input }) => studio.grantSeasonAccess(studioDeps(ctx), { userId: ctx.auth.userId, role: ctx.auth.role }, input)),
});

/** adminShorts.*: home-page curation. */
export const adminShortsRouter = router({
  series: admin.query(({ ctx }) => loadSeriesCards(ctx.services.db, sql`true`, 200)),
  featured: admin.query(({ ctx }) => featuredSlots(ctx.services)),
  feature: admin.input(featureSeriesInput).mutation(({ ctx, input }) => featureSeries(ctx.services, ctx.auth.userId, input)),
  unfeature: admin.input(seriesIdInput).mutation(({ ctx, input }) => unfeatureSeries(ctx.services, input.seriesId)),
});
