'use client';

import { LIMITS, type GuildDetail, type GuildMember } from '@wt/schemas';
import { Button, Pill } from '@wt/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { memberActionsFor, ROLE_LABELS, sortMembers, type MemberAction } from '@/guilds/members';
import type { GuildActions } from '@/guilds/use-guild-actions';
import { personName } from '@/rooms/people';
import { Avatar } from '../account-menu';
import { Dialog } from '../dialog';
import { PanelSection } from '../panel-section';
import { ErrorLine } from './error-line';

const LABELS: Record<MemberAction, { label: string; busy: string; aria: (name: string) => string }> = {
  promote: { label: 'Make officer', busy: 'Promoting…', aria: (n) => `Make ${n} an officer` },
  demote: { label: 'Make member', busy: 'Demoting…', aria: (n) => `Make ${n} a member again` },
  transfer: { label: 'Make leader', busy: 'Handing over…', aria: (n) => `Make ${n} the leader` },
  kick: { label: 'Remove', busy: 'Removing…', aria: (n) => `Remove ${n} from the guild` },
};

/** Everyone in the guild with their role; beside each, what the viewer's role lets them do. */
export function GuildMembers({ guild, actions }: { guild: GuildDetail; actions: GuildActions }) {
  const { user } = useAuth();
  const [handingTo, setHandingTo] = useState<GuildMember | null>(null);
  const viewer = { id: user?.id ?? '', role: guild.myRole };

  const act = (action: MemberAction, member: GuildMember) => {
    const key = `${action}:${member.id}`;
    const target = { guildId: guild.id, userId: member.id };
    if (action === 'transfer') return setHandingTo(member);
    if (action === 'kick') return void actions.run(key, (c) => c.guilds.kick.mutate(target));
    void actions.run(key, (c) =>
      c.guilds.setRole.mutate({ ...target, role: action === 'promote' ? 'officer' : 'member' }),
    );
  };

  const transfer = async (member: GuildMember) => {
    const result = await actions.run(`transfer:${member.id}`, (c) =>
      c.guilds.transfer.mutate({ guildId: guild.id, userId: member.id }),
    );
    if (result.ok) setHandingTo(null);
  };

  return (
    <PanelSection
      id="members-heading"
      title="Members"
      aside={
        <span className="text-sm text-ink-muted">
          {guild.memberCount} of {Math.min(guild.maxMembers, LIMITS.guildMembersMax)}
        </span>
      }
    >
      <ul aria-label="Members" className="space-y-1">
        {sortMembers(guild.members).map((member) => {
          const name = personName(member);
          const choices = memberActionsFor(viewer, member);
          const error = choices.map((a) => actions.error(`${a}:${member.id}`)).find(Boolean);
          return (
            <li
              key={member.id}
              className="flex flex-wrap items-center gap-3 rounded-2xl px-2 py-2 hover:bg-surface-2/60"
            >
              <Avatar user={member} />
              <div className="min-w-0 flex-1">
                <Link
                  href={`/u/${member.username}`}
                  className="block truncate text-sm font-medium text-ink hover:underline"
                >
                  {name}
                </Link>
                <p className="truncate text-xs text-ink-muted">@{member.username}</p>
              </div>
              <Pill
                tone={member.role === 'leader' ? 'accent' : member.role === 'officer' ? 'brand' : 'neutral'}
              >
                {ROLE_LABELS[member.role]}
              </Pill>
              {choices.length > 0 ? (
                <div className="flex w-full flex-wrap justify-end gap-1.5">
                  {choices.map((action) => {
                    const key = `${action}:${member.id}`;
                    return (
                      <Button
                        key={action}
                        size="sm"
                        variant={action === 'kick' ? 'ghost' : 'outline'}
                        disabled={actions.pending !== null}
                        aria-label={LABELS[action].aria(name)}
                        onClick={() => act(action, member)}
                        className={action === 'kick' ? 'text-red-700 dark:text-red-300' : undefined}
                      >
                        {actions.pending === key ? LABELS[action].busy : LABELS[action].label}
                      </Button>
                    );
                  })}
                </div>
              ) : null}
              <ErrorLine>{error}</ErrorLine>
            </li>
          );
        })}
      </ul>
      <Dialog
        open={handingTo !== null}
        onClose={() => setHandingTo(null)}
        title="Hand over the guild?"
        description={
          handingTo
            ? `${personName(handingTo)} becomes the leader of ${guild.name}, and you become an officer. Only the new leader can undo it.`
            : undefined
        }
      >
        {handingTo ? (
          <div className="grid gap-4">
            <ErrorLine>{actions.error(`transfer:${handingTo.id}`)}</ErrorLine>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={() => setHandingTo(null)}>
                Cancel
              </Button>
              <Button
                variant="danger"
                disabled={actions.pending !== null}
                onClick={() => void transfer(handingTo)}
              >
                {actions.pending === `transfer:${handingTo.id}`
                  ? 'Handing over…'
                  : `Make ${personName(handingTo)} the leader`}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </PanelSection>
  );
}
