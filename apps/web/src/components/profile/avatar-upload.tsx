'use client';

import { avatarResponseSchema, LIMITS } from '@wt/schemas';
import { Button, buttonClasses } from '@wt/ui';
import { useRef, useState } from 'react';
import { apiInit, NETWORK_ERROR_MESSAGE, readApiResponse, type ApiResult } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { Avatar } from './avatar';

type Notice = { tone: 'success' | 'error'; text: string } | null;

/** The words of one picture editor: a person's avatar, a guild's picture. */
export interface AvatarUploadText {
  upload: string;
  change: string;
  remove: string;
  /** Starts the sentence "… can be at most 2 MB." */
  tooLargeSubject: string;
  saved: string;
  removed: string;
}

/**
 * Upload, change or remove a picture at `path` (POST a file, DELETE to remove): the API checks the
 * bytes, crops to a square and answers the new URL, which `onSaved` hands on (null once removed).
 */
export function AvatarUpload({
  path,
  url,
  name,
  text,
  onSaved,
}: {
  path: string;
  url: string | null;
  /** Whose picture it is, for the image's accessible name. */
  name: string;
  text: AvatarUploadText;
  onSaved: (avatarUrl: string | null) => void;
}) {
  const { client } = useAuth();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const send = async (init: RequestInit, success: string) => {
    setNotice(null);
    setBusy(true);
    let result: ApiResult<{ avatarUrl: string | null }>;
    try {
      result = await readApiResponse(await client.authFetch(path, init), avatarResponseSchema);
    } catch {
      result = { ok: false, error: { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, status: 0 } };
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (!result.ok) return setNotice({ tone: 'error', text: result.error.message });
    onSaved(result.data.avatarUrl);
    setNotice({ tone: 'success', text: success });
  };

  const upload = (file: File) => {
    // The API checks too; this saves uploading 20 MB to hear "too large".
    if (file.size > LIMITS.avatarMaxBytes) {
      return setNotice({
        tone: 'error',
        text: `${text.tooLargeSubject} can be at most ${LIMITS.avatarMaxBytes / (1024 * 1024)} MB. Choose a smaller image.`,
      });
    }
    const body = new FormData();
    body.append('avatar', file);
    void send({ method: 'POST', body }, text.saved);
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-4">
        <Avatar url={url} name={name} size="md" />
        <div className="flex flex-wrap gap-2">
          <label
            className={buttonClasses({
              variant: 'secondary',
              size: 'sm',
              className: busy ? 'pointer-events-none opacity-50' : 'cursor-pointer',
            })}
          >
            {busy ? 'Saving…' : url ? text.change : text.upload}
            <input
              ref={input}
              type="file"
              name="avatar"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              className="sr-only"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload(file);
              }}
            />
          </label>
          {url ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => void send(apiInit({ method: 'DELETE' }), text.removed)}
            >
              {text.remove}
            </Button>
          ) : null}
        </div>
      </div>
      <p className="text-xs text-ink-muted">
        JPEG, PNG, WebP, GIF or AVIF, up to 2 MB. We crop it to a square.
      </p>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
    </div>
  );
}
