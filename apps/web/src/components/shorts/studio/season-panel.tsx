'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { StudioSeries } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorLine } from '@/components/guilds/error-line';
import { FormAlert } from '@/components/forms/form-alert';
import { formatPrice } from '@/studio/price';
import { episodeDefaults, episodeForm, toEpisodeInput } from '@/studio/forms';
import { moveItem, type MoveDirection } from '@/studio/reorder';
import { episodeCount } from '@/studio/status-labels';
import type { StudioActions } from '@/studio/use-studio-actions';
import { applyEpisodeError, EpisodeFields } from './episode-fields';
import { EpisodeRow } from './episode-row';
import { GrantAccessForm, SeasonSettingsForm } from './season-forms';

type Season = StudioSeries['seasons'][number];

/** One season: its settings, its episodes in order (each with its upload), new episodes, access grants. */
export function SeasonPanel({ season, actions }: { season: Season; actions: StudioActions }) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const heading = season.title ? `Season ${season.number}: ${season.title}` : `Season ${season.number}`;
  const deleteKey = `season:${season.id}:delete`;
  const reorderKey = `season:${season.id}:reorder`;

  const move = (episodeId: string, direction: MoveDirection) => {
    const order = moveItem(
      season.episodes.map((e) => e.id),
      episodeId,
      direction,
    );
    if (!order) return;
    void actions.run(reorderKey, (client) =>
      client.studio.reorderEpisodes.mutate({ seasonId: season.id, episodeIds: order }),
    );
  };

  return (
    <Card as="section" aria-label={heading} className="grid gap-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold text-ink">{heading}</h3>
          <p className="mt-0.5 text-sm text-ink-muted">
            {episodeCount(season.episodes.length)} · price {formatPrice(season.priceCents)}
          </p>
        </div>
        {editing ? null : (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              Edit season<span className="sr-only"> {season.number}</span>
            </Button>
            {confirmDelete ? (
              <>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={actions.pending !== null}
                  onClick={() =>
                    void actions.run(deleteKey, (client) =>
                      client.studio.deleteSeason.mutate({ seasonId: season.id }),
                    )
                  }
                >
                  {actions.isPending(deleteKey) ? 'Deleting…' : `Yes, delete season ${season.number}`}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </Button>
              </>
            ) : (
              <Button size="sm" variant="ghost" onClick={() => setConfirmDelete(true)}>
                Delete season<span className="sr-only"> {season.number}</span>
              </Button>
            )}
          </div>
        )}
      </div>
      <ErrorLine>{actions.error(deleteKey)}</ErrorLine>
      {editing ? (
        <SeasonSettingsForm season={season} actions={actions} onDone={() => setEditing(false)} />
      ) : null}

      {season.episodes.length > 0 ? (
        <ol className="grid gap-3" aria-label={`Episodes of season ${season.number}`}>
          {season.episodes.map((episode, index) => (
            <EpisodeRow
              key={episode.id}
              episode={episode}
              index={index}
              count={season.episodes.length}
              actions={actions}
              onMove={(direction) => move(episode.id, direction)}
              moving={actions.isPending(reorderKey)}
            />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-ink-muted">No episodes in this season yet.</p>
      )}
      <ErrorLine>{actions.error(reorderKey)}</ErrorLine>

      <AddEpisodeForm season={season} actions={actions} />
      <div className="border-t border-line pt-4">
        <GrantAccessForm season={season} actions={actions} />
      </div>
    </Card>
  );
}

function AddEpisodeForm({ season, actions }: { season: Season; actions: StudioActions }) {
  const [open, setOpen] = useState(false);
  const form = useForm<z.input<typeof episodeForm>, unknown, z.output<typeof episodeForm>>({
    resolver: zodResolver(episodeForm),
    defaultValues: episodeDefaults(),
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run(`season:${season.id}:add-episode`, (client) =>
      client.studio.createEpisode.mutate({ seasonId: season.id, ...toEpisodeInput(values) }),
    );
    if (!result.ok) return applyEpisodeError(form, result.error);
    form.reset(episodeDefaults());
    setOpen(false);
  });

  if (!open) {
    return (
      <div>
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          Add episode<span className="sr-only"> to season {season.number}</span>
        </Button>
      </div>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`New episode in season ${season.number}`}
      className="grid gap-4 rounded-2xl border border-dashed border-line p-4"
    >
      <EpisodeFields form={form} autoFocus />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add episode'}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
