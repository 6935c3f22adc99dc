'use client';

import { cx } from '@wt/ui';
import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

/**
 * A labelled multi-line input in the look of `Field`: its hint (or a character count) and its error
 * sentence wired for screen readers. Spread `register('name')` into it.
 */
export function TextareaField({
  label,
  hint,
  error,
  className,
  rows = 3,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx(
          'mt-1.5 block w-full rounded-xl border bg-canvas px-3.5 py-2.5 text-sm text-ink placeholder:text-ink-muted/70 focus-visible:outline-2 focus-visible:outline-offset-0',
          error
            ? 'border-red-500 focus-visible:outline-red-500/40 dark:border-red-400'
            : 'border-line focus-visible:border-brand-500 focus-visible:outline-brand-500/40',
        )}
        {...textarea}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs leading-5 text-ink-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
