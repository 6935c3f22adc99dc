'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { StudioEpisode } from '@wt/schemas';
import { Button } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '@/components/forms/form-alert';
import { ErrorLine } from '@/components/guilds/error-line';
import { accessLabel } from '@/studio/free-override';
import { episodeDefaults, episodeForm, toEpisodeInput } from '@/studio/forms';
import { canMove, type MoveDirection } from '@/studio/reorder';
import { episodeStatusLabel } from '@/studio/status-labels';
import type { StudioActions } from '@/studio/use-studio-actions';
import { applyEpisodeError, EpisodeFields, type EpisodeFormApi } from './episode-fields';
import { EpisodeUpload } from './episode-upload';
import { StatusPill } from './status-pill';

/** "0:42" from milliseconds. */
function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * One episode in the studio: its status, who can watch it, its video (upload, progress), and what can
 * be done with it (edit, move, publish, delete). The API refuses what does not fit the status.
 */
export function EpisodeRow({
  episode,
  index,
  count,
  actions,
  onMove,
  moving,
}: {
  episode: StudioEpisode;
  index: number;
  count: number;
  actions: StudioActions;
  onMove: (direction: MoveDirection) => void;
  moving: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const key = (action: string) => `episode:${episode.id}:${action}`;
  const label = `episode ${episode.number}`;
  const published = episode.status === 'published';

  return (
    <li
      className="grid gap-3 rounded-2xl border border-line bg-canvas p-4"
      aria-label={`Episode ${episode.number}: ${episode.title}`}
    >
      <div className="flex flex-wrap items-start gap-3">
        {episode.thumbnailUrl ? (
          <img
            src={episode.thumbnailUrl}
            alt=""
            width={54}
            height={96}
            className="aspect-[9/16] w-14 shrink-0 rounded-lg object-cover"
          />
        ) : null}
        <div className="min-w-0 flex-1">
          <p className="font-semibold text-ink">
            <span className="font-mono text-ink-muted">{episode.number}.</span> {episode.title}
          </p>
          <p className="mt-0.5 text-sm text-ink-muted">
            {accessLabel(episode)}
            {episode.durationMs !== null ? ` · ${formatDuration(episode.durationMs)}` : ''}
            {episode.delivery === 'mp4' ? ' · plays as uploaded' : ''}
          </p>
          {episode.description ? (
            <p className="mt-1 text-sm leading-6 text-ink-muted">{episode.description}</p>
          ) : null}
        </div>
        <StatusPill
          status={episodeStatusLabel(episode.status, episode.failureReason)}
          className="max-w-full whitespace-normal"
          data-testid="episode-status"
        />
      </div>

      {editing ? (
        <EditEpisodeForm episode={episode} actions={actions} onDone={() => setEditing(false)} />
      ) : null}

      <EpisodeUpload episode={episode} />

      <div className="flex flex-wrap items-center gap-2">
        {episode.status === 'ready' ? (
          <Button
            size="sm"
            disabled={actions.pending !== null}
            onClick={() =>
              void actions.run(key('publish'), (c) =>
                c.studio.publishEpisode.mutate({ episodeId: episode.id }),
              )
            }
          >
            {actions.isPending(key('publish')) ? 'Publishing…' : 'Publish'}
            <span className="sr-only"> {label}</span>
          </Button>
        ) : null}
        {published ? (
          <>
            <Link
              href={`/watch/${episode.id}`}
              className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline dark:text-brand-300"
            >
              Watch<span className="sr-only"> {label}</span>
            </Link>
            <Button
              size="sm"
              variant="outline"
              disabled={actions.pending !== null}
              onClick={() =>
                void actions.run(key('unpublish'), (c) =>
                  c.studio.unpublishEpisode.mutate({ episodeId: episode.id }),
                )
              }
            >
              {actions.isPending(key('unpublish')) ? 'Unpublishing…' : 'Unpublish'}
              <span className="sr-only"> {label}</span>
            </Button>
          </>
        ) : null}
        {editing ? null : (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {label}</span>
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          disabled={moving || !canMove(index, count, 'up')}
          onClick={() => onMove('up')}
        >
          Move up<span className="sr-only"> {label}</span>
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={moving || !canMove(index, count, 'down')}
          onClick={() => onMove('down')}
        >
          Move down<span className="sr-only"> {label}</span>
        </Button>
        {confirmDelete ? (
          <>
            <Button
              size="sm"
              variant="danger"
              disabled={actions.pending !== null}
              onClick={() =>
                void actions.run(key('delete'), (c) =>
                  c.studio.deleteEpisode.mutate({ episodeId: episode.id }),
                )
              }
            >
              {actions.isPending(key('delete')) ? 'Deleting…' : `Yes, delete ${label}`}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(true)}>
            Delete<span className="sr-only"> {label}</span>
          </Button>
        )}
      </div>
      <ErrorLine>
        {actions.error(key('publish')) ?? actions.error(key('unpublish')) ?? actions.error(key('delete'))}
      </ErrorLine>
    </li>
  );
}

function EditEpisodeForm({
  episode,
  actions,
  onDone,
}: {
  episode: StudioEpisode;
  actions: StudioActions;
  onDone: () => void;
}) {
  const form: EpisodeFormApi = useForm({
    resolver: zodResolver(episodeForm),
    defaultValues: episodeDefaults(episode),
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run(`episode:${episode.id}:update`, (client) =>
      client.studio.updateEpisode.mutate({ episodeId: episode.id, ...toEpisodeInput(values) }),
    );
    if (result.ok) onDone();
    else applyEpisodeError(form, result.error);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={`Edit episode ${episode.number}`}>
      <EpisodeFields form={form} autoFocus />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save episode'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
