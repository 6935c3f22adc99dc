'use client';

import { useQuery } from '@tanstack/react-query';
import { guildRoleMay, type GuildDetail } from '@wt/schemas';
import { buttonClasses, Card } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { guildErrorOf } from '@/guilds/guild-errors';
import { removalText } from '@/guilds/members';
import { useGuildActions } from '@/guilds/use-guild-actions';
import type { RemovalReason } from '@/guilds/use-guild-channel';
import { useGuildNotifications } from '@/guilds/use-guild-notifications';
import { useTRPC } from '@/trpc/react';
import { FormAlert } from '../forms/form-alert';
import { SignInPrompt } from '../sign-in-prompt';
import { GuildChat } from './guild-chat';
import { GuildEvents } from './guild-events';
import { GuildHeader } from './guild-header';
import { GuildInvites } from './guild-invites';
import { GuildMembers } from './guild-members';
import { GuildRooms } from './guild-rooms';
import { GuildSettings } from './guild-settings';
import { GuildStanding } from './guild-standing';
import { MembershipActions } from './membership-actions';

/** /guilds/<id>: the guild as the viewer may see it, with what their role lets them do. */
export function GuildPage({ guildId }: { guildId: string }) {
  return (
    <SignInPrompt title="Sign in to see this guild" signedIn={<Guild guildId={guildId} />}>
      Guilds live with accounts. Sign in to see who is in this guild and to join it.
    </SignInPrompt>
  );
}

function Guild({ guildId }: { guildId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.guilds.get.queryOptions({ guildId }));
  const [removed, setRemoved] = useState<RemovalReason | null>(null);
  useGuildNotifications();

  if (detail.isPending) {
    return (
      <div
        aria-busy="true"
        aria-label="Loading the guild"
        className="h-72 animate-pulse rounded-3xl bg-surface-2"
      />
    );
  }
  if (detail.isError) {
    const failure = guildErrorOf(detail.error);
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold text-ink">
          {failure.code === 'GUILD_NOT_FOUND' ? 'Guild not found' : 'This guild could not be loaded'}
        </h1>
        <p className="text-sm text-ink-muted">{failure.message}</p>
        <Link href="/guilds" className={buttonClasses({ variant: 'outline', size: 'sm' })}>
          Find a guild
        </Link>
      </Card>
    );
  }
  return <GuildScreen guild={detail.data} removed={removed} onRemoved={setRemoved} />;
}

function GuildScreen({
  guild,
  removed,
  onRemoved,
}: {
  guild: GuildDetail;
  removed: RemovalReason | null;
  onRemoved: (reason: RemovalReason | null) => void;
}) {
  const actions = useGuildActions();
  const member = guild.myRole !== null;
  return (
    <div className="space-y-6">
      <GuildHeader guild={guild} />
      {removed && !member ? (
        <FormAlert tone="warning" title={removalText(removed, guild.name)}>
          <Link href="/guilds" className="font-semibold underline">
            Find another guild
          </Link>
        </FormAlert>
      ) : null}
      <MembershipActions guild={guild} actions={actions} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 content-start gap-6">
          <GuildStanding guild={guild} />
          {member ? <GuildChat guild={guild} onRemoved={onRemoved} /> : null}
          <GuildEvents guild={guild} actions={actions} />
          {member && guildRoleMay(guild.myRole, 'viewRooms') ? (
            <GuildRooms guild={guild} actions={actions} />
          ) : null}
          {guildRoleMay(guild.myRole, 'edit') ? <GuildSettings guild={guild} actions={actions} /> : null}
        </div>
        <div className="grid min-w-0 content-start gap-6">
          <GuildMembers guild={guild} actions={actions} />
          {guildRoleMay(guild.myRole, 'invite') ? <GuildInvites guild={guild} actions={actions} /> : null}
        </div>
      </div>
    </div>
  );
}
