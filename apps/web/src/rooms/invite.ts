import { INVITE_DEFAULT_EXPIRES_S, inviteQuery } from '@wt/schemas';
import type { z } from 'zod';

/** The invite dialog's choices and the REST addresses it calls. */

export type InviteOptions = z.output<typeof inviteQuery>;

export const INVITE_EXPIRY_OPTIONS: readonly { seconds: number; label: string }[] = [
  { seconds: 10 * 60, label: '10 minutes' },
  { seconds: INVITE_DEFAULT_EXPIRES_S, label: '1 hour' },
  { seconds: 24 * 3600, label: '1 day' },
  { seconds: 7 * 24 * 3600, label: '7 days' },
];

export const INVITE_USE_OPTIONS: readonly { value: InviteOptions['uses']; label: string; hint: string }[] = [
  { value: 'multi', label: 'Anyone with the link', hint: 'Works for everyone until it expires.' },
  { value: 'single', label: 'One person', hint: 'Works once, for the first person who opens it.' },
];

export const DEFAULT_INVITE_OPTIONS: InviteOptions = inviteQuery.parse({});

/** `GET /api/rooms/:id/invite?uses=…&expiresIn=…` (options checked with the shared schema first). */
export function inviteLinkPath(roomId: string, options: z.input<typeof inviteQuery>): string {
  const { uses, expiresIn } = inviteQuery.parse(options);
  return `/api/rooms/${encodeURIComponent(roomId)}/invite?${new URLSearchParams({ uses, expiresIn: String(expiresIn) })}`;
}

export function inviteUserPath(roomId: string): string {
  return `/api/rooms/${encodeURIComponent(roomId)}/invite-user`;
}

/** Where an invite link leads once opened: the room page, carrying the code for the first join. */
export function roomPathWithInvite(roomId: string, code: string): string {
  return `/rooms/${encodeURIComponent(roomId)}?${new URLSearchParams({ invite: code })}`;
}

/** "Works for 1 hour" / "Works once, for 1 day". */
export function inviteSummary(options: InviteOptions): string {
  const expiry =
    INVITE_EXPIRY_OPTIONS.find((o) => o.seconds === options.expiresIn)?.label ??
    durationLabel(options.expiresIn);
  return options.uses === 'single' ? `Works once, within ${expiry}.` : `Works for anyone for ${expiry}.`;
}

function durationLabel(seconds: number): string {
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  return plural(Math.round(seconds / 60), 'minute');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
