'use client';

import { GUILD_REQUEST_NOTE_MAX, guildJoinRequestInput, type GuildDetail } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useState } from 'react';
import { isGuildFull } from '@/guilds/directory';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { Dialog } from '../dialog';
import { TextareaField } from '../forms/textarea-field';
import { ErrorLine } from './error-line';
import { GuildActionButton } from './guild-action-button';

/**
 * Where the viewer stands with the guild and the one thing they can do about it: join a public guild,
 * ask to join a private one (with a note), accept or decline an invite, cancel a request, or leave.
 * A refusal (full, already in a guild, private) shows as the server's sentence.
 */
export function MembershipActions({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const guildId = guild.id;

  if (guild.myRole === 'leader') {
    return (
      <p className="text-sm text-ink-muted" data-testid="leader-note">
        You lead this guild. To leave it, make another member the leader first (or disband the guild).
      </p>
    );
  }
  if (guild.myRole) return <LeaveGuild guild={guild} actions={actions} />;

  const notes: string[] = [];
  if (guild.inOtherGuild) notes.push('You are already in another guild: leave it first to join this one.');
  if (isGuildFull(guild)) notes.push('This guild is full right now.');

  let body;
  if (guild.invitedMe) {
    body = (
      <>
        <p className="text-sm font-medium text-ink">You are invited to join {guild.name}.</p>
        <div className="flex flex-wrap gap-2">
          <GuildActionButton
            actions={actions}
            action="join"
            call={(c) => c.guilds.acceptInvite.mutate({ guildId })}
            busyLabel="Joining…"
          >
            Accept invite
          </GuildActionButton>
          <GuildActionButton
            variant="outline"
            actions={actions}
            action="decline"
            call={(c) => c.guilds.declineInvite.mutate({ guildId })}
            busyLabel="Declining…"
          >
            Decline
          </GuildActionButton>
        </div>
      </>
    );
  } else if (guild.requestedByMe) {
    body = (
      <>
        <p className="text-sm font-medium text-ink">
          You asked to join. An officer or the leader will answer.
        </p>
        <GuildActionButton
          variant="outline"
          actions={actions}
          action="cancel"
          call={(c) => c.guilds.cancelRequest.mutate({ guildId })}
          busyLabel="Cancelling…"
        >
          Cancel request
        </GuildActionButton>
      </>
    );
  } else if (guild.isPublic) {
    body = (
      <>
        <p className="text-sm font-medium text-ink">
          This guild is public: anyone can join while there is room.
        </p>
        <GuildActionButton
          actions={actions}
          action="join"
          call={(c) => c.guilds.join.mutate({ guildId })}
          busyLabel="Joining…"
        >
          Join guild
        </GuildActionButton>
      </>
    );
  } else {
    body = <AskToJoin guild={guild} actions={actions} />;
  }

  const error =
    actions.error('join') ?? actions.error('decline') ?? actions.error('cancel') ?? actions.error('request');
  return (
    <Card as="section" aria-label="Membership" className="flex flex-col items-start gap-3 p-5">
      {body}
      {notes.map((note) => (
        <p key={note} className="text-sm text-ink-muted">
          {note}
        </p>
      ))}
      <ErrorLine>{error}</ErrorLine>
    </Card>
  );
}

function AskToJoin({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const max = GUILD_REQUEST_NOTE_MAX;
  const submit = async () => {
    const checked = guildJoinRequestInput.safeParse({ guildId: guild.id, message: note });
    if (!checked.success) return setError(checked.error.issues[0]?.message);
    setError(undefined);
    const result = await actions.run('request', (c) => c.guilds.requestJoin.mutate(checked.data));
    if (result.ok) setNote('');
  };
  return (
    <form
      className="grid w-full max-w-xl gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm font-medium text-ink">
        This guild is private: ask to join, and an officer or the leader will answer.
      </p>
      <TextareaField
        label="A note for the officers (optional)"
        name="request-note"
        rows={2}
        maxLength={max}
        value={note}
        error={error}
        onChange={(e) => setNote(e.target.value)}
      />
      <div>
        <Button type="submit" disabled={actions.pending !== null}>
          {actions.pending === 'request' ? 'Sending…' : 'Ask to join'}
        </Button>
      </div>
    </form>
  );
}

function LeaveGuild({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const [confirming, setConfirming] = useState(false);
  const leave = async () => {
    const result = await actions.run('leave', (c) => c.guilds.leave.mutate({ guildId: guild.id }));
    if (result.ok) setConfirming(false);
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="outline" size="sm" onClick={() => setConfirming(true)}>
        Leave guild
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Leave ${guild.name}?`}
        description="Your watch hours stay with the guild. To come back you need an invite, or to join again if it is public."
      >
        <div className="grid gap-4">
          <ErrorLine>{actions.error('leave')}</ErrorLine>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Stay
            </Button>
            <Button variant="danger" disabled={actions.pending !== null} onClick={() => void leave()}>
              {actions.pending === 'leave' ? 'Leaving…' : 'Leave guild'}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
