import type { CreatorStatus, EpisodeStatus, SeriesStatus, StudioOverview } from '@wt/schemas';

/**
 * The words and colours the studio uses for statuses, one place for all of them so the series list,
 * the episode rows and the admin screens agree.
 */

export type StatusTone = 'neutral' | 'brand' | 'success' | 'warning' | 'accent';

export interface StatusLabel {
  label: string;
  tone: StatusTone;
}

export function episodeStatusLabel(status: EpisodeStatus, failureReason: string | null = null): StatusLabel {
  switch (status) {
    case 'draft':
      return { label: 'Draft', tone: 'neutral' };
    case 'processing':
      return { label: 'Processing…', tone: 'brand' };
    case 'ready':
      return { label: 'Ready', tone: 'accent' };
    case 'published':
      return { label: 'Published', tone: 'success' };
    case 'failed':
      return {
        label: `Failed: ${failureReason?.trim() || 'the video could not be processed. Upload it again.'}`,
        tone: 'warning',
      };
  }
}

export function seriesStatusLabel(status: SeriesStatus): StatusLabel {
  switch (status) {
    case 'draft':
      return { label: 'Draft', tone: 'neutral' };
    case 'published':
      return { label: 'Published', tone: 'success' };
    case 'archived':
      return { label: 'Archived', tone: 'warning' };
  }
}

/** What the series status choice means for viewers, shown under the choice. */
export const SERIES_STATUS_OPTIONS = [
  { value: 'draft', label: 'Draft', hint: 'Only you see it in the studio.' },
  { value: 'published', label: 'Published', hint: 'Its published episodes appear on Shorts.' },
  { value: 'archived', label: 'Archived', hint: 'Hidden from Shorts; links stop working.' },
] as const satisfies ReadonlyArray<{ value: SeriesStatus; label: string; hint: string }>;

export function creatorStatusLabel(status: CreatorStatus): StatusLabel {
  switch (status) {
    case 'applied':
      return { label: 'Waiting for review', tone: 'brand' };
    case 'approved':
      return { label: 'Approved creator', tone: 'success' };
    case 'rejected':
      return { label: 'Not approved', tone: 'warning' };
  }
}

/** What happens to an upload on this server, in a sentence for creators. */
export function pipelineNote(pipeline: StudioOverview['pipeline']): string {
  switch (pipeline) {
    case 'hls':
      return 'Uploads are transcoded to adaptive streaming (720p and 360p HLS) with a poster frame; a short episode is ready in about a minute.';
    case 'mp4':
      return 'ffmpeg is not installed on this server: videos play as uploaded (no adaptive streaming). Upload MP4 (H.264) so every browser can play it.';
    case 'mux':
      return 'Uploads go to Mux, which prepares adaptive streaming; an episode is ready once Mux has processed it.';
  }
}

/** "3 episodes", "1 episode". */
export function episodeCount(count: number): string {
  return `${count} episode${count === 1 ? '' : 's'}`;
}

/** True while any episode is being processed: the studio polls until none is. */
export function anyProcessing(
  seasons: ReadonlyArray<{ episodes: ReadonlyArray<{ status: EpisodeStatus }> }>,
): boolean {
  return seasons.some((season) => season.episodes.some((episode) => episode.status === 'processing'));
}
