'use client';

import { Button, type ButtonProps } from '@wt/ui';
import type { GuildActions } from '@/guilds/use-guild-actions';

/**
 * A button that runs one guild mutation under `action` (its key in `actions`): off while any guild
 * action is pending, and saying `busyLabel` while its own is.
 */
export function GuildActionButton({
  actions,
  action,
  call,
  busyLabel,
  children,
  disabled = false,
  ...button
}: Omit<ButtonProps, 'onClick'> & {
  actions: GuildActions;
  action: string;
  call: Parameters<GuildActions['run']>[1];
  busyLabel: string;
}) {
  return (
    <Button
      {...button}
      disabled={disabled || actions.pending !== null}
      onClick={() => void actions.run(action, call)}
    >
      {actions.pending === action ? busyLabel : children}
    </Button>
  );
}
