'use client';

import type { RoomInviteLink } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useId, useRef, useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import {
  DEFAULT_INVITE_OPTIONS,
  INVITE_EXPIRY_OPTIONS,
  INVITE_USE_OPTIONS,
  inviteSummary,
  type InviteOptions,
} from '@/rooms/invite';
import { createInviteLink } from '@/rooms/rooms-api';
import { Dialog } from '../dialog';
import { SelectField } from '../forms/choice-fields';
import { FormAlert } from '../forms/form-alert';
import { CopyIcon, LinkIcon } from '../icons';
import { FriendPicker } from './friend-picker';

/** Invite people: a link to share (single or multi-use, with an expiry) and friends to invite directly. */
export function InviteDialog({
  open,
  onClose,
  roomId,
}: {
  open: boolean;
  onClose: () => void;
  roomId: string;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Invite people"
      description="Share a link, or invite friends who get a notification."
      size="lg"
    >
      <div className="grid gap-8">
        <InviteLinkSection roomId={roomId} />
        <FriendPicker roomId={roomId} />
      </div>
    </Dialog>
  );
}

function InviteLinkSection({ roomId }: { roomId: string }) {
  const { client } = useAuth();
  const [options, setOptions] = useState<InviteOptions>(DEFAULT_INVITE_OPTIONS);
  const [link, setLink] = useState<RoomInviteLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const create = async () => {
    setCreating(true);
    setError(null);
    const result = await createInviteLink(client.authFetch, roomId, options);
    setCreating(false);
    if (!result.ok) return setError(result.error.message);
    setLink(result.data);
  };

  const choose = (next: Partial<InviteOptions>) => {
    setOptions({ ...options, ...next });
    // A link already made keeps its own settings: make a new one for the new choice.
    setLink(null);
  };

  return (
    <section aria-labelledby="invite-link-heading" className="grid gap-4">
      <h3 id="invite-link-heading" className="flex items-center gap-2 text-sm font-semibold text-ink">
        <LinkIcon className="size-4" />
        Invite link
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Who can use it"
          name="uses"
          value={options.uses}
          onChange={(e) => choose({ uses: e.target.value as InviteOptions['uses'] })}
          hint={INVITE_USE_OPTIONS.find((o) => o.value === options.uses)?.hint}
        >
          {INVITE_USE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Expires after"
          name="expiresIn"
          value={String(options.expiresIn)}
          onChange={(e) => choose({ expiresIn: Number(e.target.value) })}
        >
          {INVITE_EXPIRY_OPTIONS.map((o) => (
            <option key={o.seconds} value={o.seconds}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
      {link ? <CopyLink url={link.url} summary={inviteSummary(options)} /> : null}
      {error ? <FormAlert>{error}</FormAlert> : null}
      {!link ? (
        <div>
          <Button onClick={() => void create()} disabled={creating}>
            {creating ? 'Creating link…' : 'Create link'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function CopyLink({ url, summary }: { url: string; summary: string }) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard permission (or an insecure origin): select it for Ctrl+C.
      input.current?.select();
      setCopied('select');
    }
  };

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        Link to share
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          ref={input}
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-note`}
          className="block h-11 min-w-0 flex-1 rounded-xl border border-line bg-surface-2 px-3.5 font-mono text-xs text-ink"
        />
        <Button variant="outline" onClick={() => void copy()}>
          <CopyIcon className="size-4" />
          Copy link
        </Button>
      </div>
      <p id={`${id}-note`} role="status" className="mt-1.5 text-xs text-ink-muted">
        {copied === 'yes' ? 'Copied. ' : copied === 'select' ? 'Selected: press Ctrl+C (⌘C) to copy. ' : ''}
        {summary}
      </p>
    </div>
  );
}
