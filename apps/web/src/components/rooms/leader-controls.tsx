'use client';

import type { RoomDetail } from '@wt/schemas';
import { cx } from '@wt/ui';
import type { ReactNode } from 'react';
import type { RoomActions } from '@/rooms/use-room';
import { LockIcon, MicIcon, MicOffIcon, SyncIcon } from '../icons';
import { ActionFeedbackLine } from './action-feedback';
import { useActionFeedback } from './use-action-feedback';

/** The leader's switches for the whole room: microphones, lock and slow chat, each broadcast at once. */
export function LeaderControls({ room, actions }: { room: RoomDetail; actions: RoomActions }) {
  const { feedback, pending, run } = useActionFeedback();
  return (
    <section
      aria-labelledby="leader-controls-heading"
      className="rounded-3xl border border-line bg-surface p-4"
    >
      <h2 id="leader-controls-heading" className="text-sm font-semibold text-ink">
        Leader controls
      </h2>
      <div className="mt-3 flex flex-wrap gap-2">
        <Toggle
          on={room.micEnabled}
          disabled={pending}
          icon={room.micEnabled ? <MicIcon className="size-4" /> : <MicOffIcon className="size-4" />}
          label="Microphones"
          onClick={() =>
            void run(
              () => actions.toggleMic(!room.micEnabled),
              room.micEnabled ? 'Microphones are off for everyone.' : 'Microphones are on for everyone.',
            )
          }
        />
        <Toggle
          on={room.isLocked}
          disabled={pending}
          icon={<LockIcon className="size-4" />}
          label="Lock room"
          onClick={() =>
            void run(
              () => actions.update({ isLocked: !room.isLocked }),
              room.isLocked ? 'The room is open to new people.' : 'The room is locked: nobody new can join.',
            )
          }
        />
        <Toggle
          on={room.slowMode}
          disabled={pending}
          icon={<SyncIcon className="size-4" />}
          label="Slow chat"
          onClick={() =>
            void run(
              () => actions.update({ slowMode: !room.slowMode }),
              room.slowMode ? 'Slow chat is off.' : 'Slow chat is on.',
            )
          }
        />
      </div>
      <ActionFeedbackLine feedback={feedback} className="mt-2" />
    </section>
  );
}

/** A switch button: its pressed state is the setting (announced as "pressed" / "not pressed"). */
function Toggle({
  on,
  label,
  icon,
  onClick,
  disabled,
}: {
  on: boolean;
  label: string;
  icon: ReactNode;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={onClick}
      disabled={disabled}
      className={cx(
        'inline-flex h-9 items-center gap-2 rounded-full px-4 text-sm font-semibold ring-1 transition ring-inset disabled:opacity-60',
        on
          ? 'bg-brand-600 text-white ring-brand-600 dark:bg-brand-500 dark:ring-brand-500'
          : 'bg-surface text-ink ring-line hover:ring-brand-300',
      )}
    >
      {icon}
      {label}
      <span className="text-xs font-medium opacity-80">{on ? 'On' : 'Off'}</span>
    </button>
  );
}
