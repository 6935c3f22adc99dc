'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import {
  GUILD_EVENT_DESCRIPTION_MAX,
  GUILD_EVENT_TITLE_MAX,
  guildEventInput,
  guildRoleMay,
  type GuildDetail,
  type GuildEvent,
  type GuildEventInput,
} from '@wt/schemas';
import { Button, Card, cx, Pill } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { defaultEventWindow, eventProgress, eventStatusText } from '@/guilds/events';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { personName } from '@/rooms/people';
import { Dialog } from '../dialog';
import { Field } from '../forms/field';
import { FormActions } from '../forms/form-actions';
import { FormAlert } from '../forms/form-alert';
import { TextareaField } from '../forms/textarea-field';
import { PlusIcon } from '../icons';
import { EmptyNote, PanelSection } from '../panel-section';
import { applyGuildError } from './apply-guild-error';
import { ErrorLine } from './error-line';

/** The guild's challenges: a goal in watch hours over a window, with how far the members got. */
export function GuildEvents({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const [posting, setPosting] = useState(false);
  const mayPost = guildRoleMay(guild.myRole, 'createEvent');
  return (
    <PanelSection
      id="events-heading"
      title="Challenges"
      aside={
        mayPost ? (
          <Button size="sm" variant="outline" onClick={() => setPosting(true)}>
            <PlusIcon className="size-4" />
            Post a challenge
          </Button>
        ) : null
      }
    >
      {guild.events.length === 0 ? (
        <EmptyNote>
          No challenges yet.{mayPost ? ' Post one: a goal in watch hours the guild reaches together.' : ''}
        </EmptyNote>
      ) : (
        <ul aria-label="Challenges" className="grid gap-3">
          {guild.events.map((event) => (
            <EventCard key={event.id} event={event} mayDelete={mayPost} actions={actions} />
          ))}
        </ul>
      )}
      {mayPost ? (
        <Dialog
          open={posting}
          onClose={() => setPosting(false)}
          title="Post a challenge"
          description="Members’ watch hours inside the window count toward the goal."
        >
          <EventForm guildId={guild.id} actions={actions} onDone={() => setPosting(false)} />
        </Dialog>
      ) : null}
    </PanelSection>
  );
}

function EventCard({
  event,
  mayDelete,
  actions,
}: {
  event: GuildEvent;
  mayDelete: boolean;
  actions: GuildActions;
}) {
  const progress = eventProgress(event);
  const key = `delete-event:${event.id}`;
  return (
    <Card as="li" aria-label={event.title} className="grid gap-2 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold break-words text-ink">{event.title}</h3>
          <p className="text-xs text-ink-muted">
            {eventStatusText(event)}
            {event.createdBy ? ` · posted by ${personName(event.createdBy)}` : ''}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {event.completed ? (
            <Pill tone="success">Completed</Pill>
          ) : event.status === 'running' ? (
            <Pill tone="brand">Running</Pill>
          ) : event.status === 'upcoming' ? (
            <Pill tone="neutral">Upcoming</Pill>
          ) : (
            <Pill tone="neutral">Ended</Pill>
          )}
          {mayDelete ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={actions.pending !== null}
              aria-label={`Delete the challenge ${event.title}`}
              onClick={() => void actions.run(key, (c) => c.guilds.deleteEvent.mutate({ eventId: event.id }))}
            >
              {actions.pending === key ? 'Deleting…' : 'Delete'}
            </Button>
          ) : null}
        </div>
      </div>
      {event.description ? (
        <p className="text-sm leading-6 whitespace-pre-line text-ink-muted">{event.description}</p>
      ) : null}
      <div
        role="progressbar"
        aria-label={`Progress of ${event.title}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={progress.text}
        className="h-2.5 overflow-hidden rounded-full bg-surface-2"
      >
        <div
          className={cx(
            'h-full rounded-full',
            event.completed ? 'bg-emerald-500' : 'bg-brand-600 dark:bg-brand-500',
          )}
          style={{ width: `${progress.percent}%` }}
        />
      </div>
      <p className="text-sm text-ink tabular-nums">
        {progress.text} · {progress.percent}%
      </p>
      <ErrorLine>{actions.error(key)}</ErrorLine>
    </Card>
  );
}

function EventForm({
  guildId,
  actions,
  onDone,
}: {
  guildId: string;
  actions: GuildActions;
  onDone: () => void;
}) {
  const form = useForm<GuildEventInput, unknown, z.output<typeof guildEventInput>>({
    resolver: zodResolver(guildEventInput),
    defaultValues: { guildId, title: '', description: '', goalHours: 10, ...defaultEventWindow() },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await actions.run('create-event', (c) => c.guilds.createEvent.mutate(values));
    if (result.ok) onDone();
    else applyGuildError(form, result.error);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <Field
        label="Title"
        autoComplete="off"
        maxLength={GUILD_EVENT_TITLE_MAX}
        autoFocus
        error={errors.title?.message}
        {...form.register('title')}
      />
      <TextareaField
        label="Description"
        rows={2}
        maxLength={GUILD_EVENT_DESCRIPTION_MAX}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Starts"
          type="datetime-local"
          error={errors.startsAt?.message}
          {...form.register('startsAt')}
        />
        <Field
          label="Ends"
          type="datetime-local"
          error={errors.endsAt?.message}
          {...form.register('endsAt')}
        />
      </div>
      <Field
        label="Goal (watch hours)"
        type="number"
        inputMode="decimal"
        min={0.5}
        step={0.5}
        error={errors.goalHours?.message}
        {...form.register('goalHours', { valueAsNumber: true })}
      />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <FormActions onCancel={onDone} busy={isSubmitting} busyLabel="Posting…" submitLabel="Post challenge" />
    </form>
  );
}
