'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { contentPreview } from '@/rooms/content-preview';
import { Field } from '../forms/field';
import { CheckIcon } from '../icons';

/**
 * The pasted link of what a room plays, checked as it is typed with the same parser the server
 * uses: the detected platform (or what is wrong) shows under it.
 */
export function ContentUrlField({
  field,
  value,
  error,
  autoFocus,
}: {
  field: UseFormRegisterReturn;
  value: string;
  error?: string;
  autoFocus?: boolean;
}) {
  const preview = contentPreview(value);
  const hint =
    preview.state === 'ok' ? (
      <span
        className="inline-flex items-center gap-1 font-medium text-emerald-700 dark:text-emerald-300"
        aria-live="polite"
      >
        <CheckIcon className="size-4" />
        {preview.label}: {preview.url}
      </span>
    ) : preview.state === 'invalid' ? (
      <span className="text-amber-700 dark:text-amber-300" aria-live="polite">
        {preview.message}
      </span>
    ) : (
      'A YouTube, Google Drive or Spotify link, a video file or any web page.'
    );
  return (
    <Field
      label="What to watch"
      type="url"
      inputMode="url"
      autoComplete="off"
      placeholder="https://www.youtube.com/watch?v=…"
      hint={<span className="break-all">{hint}</span>}
      error={error}
      autoFocus={autoFocus}
      {...field}
    />
  );
}
