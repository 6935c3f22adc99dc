'use client';

import { LIMITS } from '@wt/schemas';
import { buttonClasses } from '@wt/ui';
import { useRef, useState } from 'react';
import { z } from 'zod';
import { NETWORK_ERROR_MESSAGE, readApiResponse, type ApiResult } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { FormAlert } from '@/components/forms/form-alert';

const coverResponse = z.object({ coverUrl: z.string() });
type Notice = { tone: 'success' | 'error'; text: string } | null;

/**
 * The series' cover image: POSTed as multipart to the API, which checks the bytes (an image of at
 * most 2 MB) and answers its URL. Same flow as the profile avatar (AvatarUpload), in portrait.
 */
export function CoverUpload({
  seriesId,
  title,
  url,
  onSaved,
}: {
  seriesId: string;
  title: string;
  url: string | null;
  onSaved: (coverUrl: string) => void;
}) {
  const { client } = useAuth();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const upload = async (file: File) => {
    setNotice(null);
    // The API checks too; this saves sending a large file to hear "too large".
    if (file.size > LIMITS.avatarMaxBytes) {
      return setNotice({
        tone: 'error',
        text: `A cover can be at most ${LIMITS.avatarMaxBytes / (1024 * 1024)} MB. Choose a smaller image.`,
      });
    }
    if (file.type && !file.type.startsWith('image/'))
      return setNotice({
        tone: 'error',
        text: `${file.name} is not an image. Choose a JPEG, PNG or WebP file.`,
      });
    const body = new FormData();
    body.append('cover', file);
    setBusy(true);
    let result: ApiResult<{ coverUrl: string }>;
    try {
      result = await readApiResponse(
        await client.authFetch(`/api/studio/series/${seriesId}/cover`, { method: 'POST', body }),
        coverResponse,
      );
    } catch {
      result = { ok: false, error: { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, status: 0 } };
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (!result.ok) return setNotice({ tone: 'error', text: result.error.message });
    onSaved(result.data.coverUrl);
    setNotice({ tone: 'success', text: 'Cover saved.' });
  };

  return (
    <div className="grid gap-3">
      <p className="text-sm font-medium text-ink">Cover image</p>
      <div className="flex flex-wrap items-end gap-4">
        {url ? (
          <img
            src={url}
            alt={`Cover of ${title}`}
            width={120}
            height={160}
            className="aspect-[3/4] w-28 rounded-2xl border border-line object-cover"
          />
        ) : (
          <div className="grid aspect-[3/4] w-28 place-items-center rounded-2xl border border-dashed border-line text-center text-xs text-ink-muted">
            No cover yet
          </div>
        )}
        <label
          className={buttonClasses({
            variant: 'secondary',
            size: 'sm',
            className: busy ? 'pointer-events-none opacity-50' : 'cursor-pointer',
          })}
        >
          {busy ? 'Saving…' : url ? 'Change cover' : 'Upload cover'}
          <input
            ref={input}
            type="file"
            name="cover"
            accept="image/jpeg,image/png,image/webp,image/avif"
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
      <p className="text-xs text-ink-muted">A portrait image (3:4), JPEG, PNG, WebP or AVIF, up to 2 MB.</p>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
    </div>
  );
}
