import { memberActions, type Actor, type Target } from './permissions';

/**
 * The entries of a member's menu in the roster, each with the command it sends. Every kick bans (the
 * API's `room:kick`): for `banMinutes`, or for good when it is undefined.
 */

export type MemberCommand =
  | { kind: 'mute'; muted: boolean }
  | { kind: 'moderator'; moderator: boolean }
  | { kind: 'transfer' }
  | { kind: 'kick'; banMinutes: number | undefined };

export interface MenuEntry {
  key: string;
  label: string;
  command: MemberCommand;
  /** Removes someone or gives away the leadership: drawn in red. */
  danger: boolean;
}

export const KICK_DURATIONS: readonly { minutes: number | undefined; label: string; span: string }[] = [
  { minutes: 10, label: 'Kick for 10 minutes', span: 'for 10 minutes' },
  { minutes: 60, label: 'Kick for 1 hour', span: 'for 1 hour' },
  { minutes: 24 * 60, label: 'Kick for 1 day', span: 'for 1 day' },
  { minutes: undefined, label: 'Kick for good', span: 'for good' },
];

export function memberMenu(actor: Actor, target: Target & { isMuted: boolean }): MenuEntry[] {
  return memberActions(actor, target).flatMap((action): MenuEntry[] => {
    switch (action) {
      case 'mute':
        return [{ key: 'mute', label: 'Mute', command: { kind: 'mute', muted: true }, danger: false }];
      case 'unmute':
        return [{ key: 'unmute', label: 'Unmute', command: { kind: 'mute', muted: false }, danger: false }];
      case 'make-moderator':
        return [
          {
            key: 'make-moderator',
            label: 'Make moderator',
            command: { kind: 'moderator', moderator: true },
            danger: false,
          },
        ];
      case 'remove-moderator':
        return [
          {
            key: 'remove-moderator',
            label: 'Remove moderator',
            command: { kind: 'moderator', moderator: false },
            danger: false,
          },
        ];
      case 'make-leader':
        return [{ key: 'make-leader', label: 'Make leader', command: { kind: 'transfer' }, danger: true }];
      case 'kick':
        return KICK_DURATIONS.map((d) => ({
          key: `kick-${d.minutes ?? 'forever'}`,
          label: d.label,
          command: { kind: 'kick', banMinutes: d.minutes },
          danger: true,
        }));
      case 'ban':
        // The kick entries above carry the ban durations.
        return [];
    }
  });
}

/** What happened, for the roster's status line ("Sam was muted."). */
export function commandDoneSentence(command: MemberCommand, name: string): string {
  switch (command.kind) {
    case 'mute':
      return command.muted ? `${name} is muted.` : `${name} can chat again.`;
    case 'moderator':
      return command.moderator ? `${name} is a moderator now.` : `${name} is no longer a moderator.`;
    case 'transfer':
      return `${name} leads the room now.`;
    case 'kick': {
      const span =
        KICK_DURATIONS.find((d) => d.minutes === command.banMinutes)?.span ??
        `for ${command.banMinutes} minutes`;
      return `${name} was removed from the room ${span}.`;
    }
  }
}
