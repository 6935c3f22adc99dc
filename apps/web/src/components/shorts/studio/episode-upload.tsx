'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { StudioEpisode } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import { useCallback, useId, useRef } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { formatBytes } from '@/studio/upload-checks';
import { isBusy, percentSent } from '@/studio/upload-state';
import { useEpisodeUpload } from '@/studio/use-episode-upload';
import { useTRPC } from '@/trpc/react';

/**
 * The video of one episode: choose a file, watch it go (progress bar, pause / resume), then the
 * studio polls while the server processes it. An upload cut off by a reload resumes when the same
 * file is chosen again.
 */
export function EpisodeUpload({ episode }: { episode: StudioEpisode }) {
  // Always mounted, so a status change from the server mid-upload cannot cut the upload off.
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  // The server has the file: the episode is now processing; fetch it (the page polls from there).
  const onFinished = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.studio.series.pathKey() }),
    [queryClient, trpc],
  );
  const upload = useEpisodeUpload(episode.id, onFinished);
  const { state } = upload;
  const busy = isBusy(state);
  const percent = percentSent(state);
  const replacing = episode.status === 'ready' || episode.status === 'failed';
  const canStart = episode.status === 'draft' || replacing;
  if (!busy && !canStart && state.phase !== 'failed') return null;

  return (
    <div className="grid gap-2">
      {upload.interrupted && state.phase === 'idle' ? (
        <FormAlert tone="info">
          The upload of {upload.interrupted.fileName} stopped before it finished. Choose the same file to
          resume it where it stopped.
        </FormAlert>
      ) : null}

      {isBusy(state) ? (
        <div className="grid gap-2">
          <p id={labelId} className="text-sm text-ink">
            {state.phase === 'paused' ? 'Paused: ' : state.resumed ? 'Resuming upload of ' : 'Uploading '}
            {state.fileName} · {formatBytes(state.sentBytes)} of {formatBytes(state.totalBytes)}
          </p>
          <div
            role="progressbar"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%`}
            className="h-2.5 overflow-hidden rounded-full bg-surface-2"
          >
            <div
              className="h-full rounded-full bg-brand-600 transition-[width]"
              style={{ width: `${percent}%` }}
            />
          </div>
          {upload.pause ? (
            <div className="flex gap-2">
              {state.phase === 'paused' ? (
                <Button size="sm" variant="secondary" onClick={() => upload.resume?.()}>
                  Resume upload
                </Button>
              ) : (
                <Button size="sm" variant="secondary" onClick={() => upload.pause?.()}>
                  Pause upload
                </Button>
              )}
            </div>
          ) : null}
        </div>
      ) : !canStart ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <label
            className={buttonClasses({
              variant: replacing ? 'ghost' : 'secondary',
              size: 'sm',
              className: 'cursor-pointer',
            })}
          >
            {upload.interrupted
              ? `Resume upload of ${upload.interrupted.fileName}`
              : replacing
                ? 'Replace video'
                : 'Upload video'}
            <span className="sr-only"> for episode {episode.number}</span>
            <input
              ref={input}
              type="file"
              accept="video/mp4,video/quicktime,video/webm,video/x-matroska,.mp4,.mov,.webm,.mkv,.m4v"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (input.current) input.current.value = '';
                if (file) void upload.choose(file);
              }}
            />
          </label>
          {state.phase === 'done' ? (
            <span role="status" className="text-sm text-ink-muted">
              {state.fileName} uploaded. Processing starts now.
            </span>
          ) : (
            <span className="text-xs text-ink-muted">
              Vertical video (taller than wide), MP4, MOV, WebM or MKV.
            </span>
          )}
        </div>
      )}

      {state.phase === 'failed' ? <FormAlert>{state.message}</FormAlert> : null}
    </div>
  );
}
