'use client';

import type { RoomMember } from '@wt/schemas';
import { Pill, type PillTone } from '@wt/ui';
import { commandDoneSentence, memberMenu, type MemberCommand } from '@/rooms/member-menu';
import { personName } from '@/rooms/people';
import { memberTags, presenceLabel, type MemberTagKind } from '@/rooms/roster';
import { sortRoster, type LiveRoom } from '@/rooms/room-state';
import type { ActionResult, RoomActions } from '@/rooms/use-room';
import { Avatar } from '../account-menu';
import { CrownIcon } from '../icons';
import { ActionFeedbackLine } from './action-feedback';
import { MemberMenu } from './member-menu';
import { SyncDot } from './sync-badge';
import { useActionFeedback } from './use-action-feedback';

const TAG_TONES: Record<MemberTagKind, PillTone> = {
  leader: 'accent',
  moderator: 'brand',
  you: 'neutral',
  muted: 'warning',
  buffering: 'neutral',
  offline: 'neutral',
};

/**
 * Who is in the room, who leads and moderates, who is muted, buffering or away, and how far each is
 * from the room's position; powers per member.
 */
export function RoomRoster({
  snapshot,
  actions,
  yourDriftMs,
}: {
  snapshot: LiveRoom;
  actions: RoomActions;
  /** Your own drift, measured here (fresher than the room's report of it). */
  yourDriftMs: number | null;
}) {
  const { you, members, memberSync } = snapshot;
  const actor = { userId: you.userId, role: you.role, isMuted: you.isMuted };
  const { feedback, pending, run } = useActionFeedback();

  const perform = (member: RoomMember, command: MemberCommand) =>
    void run(() => send(actions, member.id, command), commandDoneSentence(command, personName(member)));

  return (
    <section aria-labelledby="roster-heading" className="rounded-3xl border border-line bg-surface p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="roster-heading" className="text-base font-semibold text-ink">
          In the room
        </h2>
        <p className="text-xs text-ink-muted">{presenceLabel(members)}</p>
      </div>
      <ul className="mt-3 max-h-72 space-y-1 overflow-y-auto pr-1" aria-label="Members">
        {sortRoster(members).map((member) => {
          const entries = memberMenu(actor, member);
          return (
            <li
              key={member.id}
              className="flex items-center gap-3 rounded-2xl px-2 py-1.5 hover:bg-surface-2/60"
            >
              <span className={member.online ? 'relative' : 'relative opacity-50'}>
                <Avatar user={member} />
                {member.role === 'leader' ? (
                  <CrownIcon className="absolute -top-2 -right-1.5 size-4 fill-xp text-xp" />
                ) : null}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-ink">{personName(member)}</p>
                <div className="mt-0.5 flex flex-wrap items-center gap-1">
                  {memberTags(member, you.userId).map((tag) => (
                    <Pill key={tag.kind} tone={TAG_TONES[tag.kind]} className="px-2 py-0 text-[0.7rem]">
                      {tag.label}
                    </Pill>
                  ))}
                  {member.online ? (
                    <SyncDot
                      driftMs={member.id === you.userId ? yourDriftMs : memberSync[member.id]}
                      className="ml-1"
                    />
                  ) : null}
                </div>
              </div>
              {entries.length > 0 ? (
                <MemberMenu
                  name={personName(member)}
                  entries={entries}
                  disabled={pending}
                  onChoose={(entry) => perform(member, entry.command)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <ActionFeedbackLine feedback={feedback} className="mt-2" />
    </section>
  );
}

function send(actions: RoomActions, userId: string, command: MemberCommand): Promise<ActionResult> {
  switch (command.kind) {
    case 'mute':
      return actions.mute(userId, command.muted);
    case 'moderator':
      return actions.setModerator(userId, command.moderator);
    case 'transfer':
      return actions.transfer(userId);
    case 'kick':
      return actions.kick(userId, command.banMinutes);
  }
}
