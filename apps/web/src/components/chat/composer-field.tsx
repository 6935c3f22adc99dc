'use client';

import { LIMITS } from '@wt/schemas';
import { Button } from '@wt/ui';
import { useId, type ReactNode, type RefObject } from 'react';

/**
 * The chat textarea, its Send button and the line under it (the refusal, else the note, and the
 * characters left near the limit). Enter sends, Shift+Enter starts a new line. The room and the guild
 * composers wrap it in their own form and own the text, the sending and the refusal.
 */
export function ComposerField({
  label,
  placeholder,
  value,
  onChange,
  onSend,
  inputRef,
  disabled,
  error,
  note,
}: {
  /** The textarea's accessible name (the label is visually hidden). */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** Turns the Send button off (sending, slow mode, chat not open); typing stays possible. */
  disabled: boolean;
  error: string | null;
  note: ReactNode;
}) {
  const id = useId();
  const left = LIMITS.chatMessageMax - value.length;
  return (
    <>
      <div className="flex items-end gap-2">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <textarea
          ref={inputRef}
          id={id}
          rows={2}
          value={value}
          maxLength={LIMITS.chatMessageMax}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              onSend();
            }
          }}
          className="block max-h-40 min-h-11 w-full flex-1 resize-y rounded-xl border border-line bg-canvas px-3 py-2 text-sm text-ink placeholder:text-ink-muted/70 focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/40"
        />
        <Button type="submit" size="sm" disabled={disabled}>
          Send
        </Button>
      </div>
      <div id={`${id}-note`} className="flex justify-between gap-3 text-xs">
        {error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : (
          <p className="text-ink-muted" aria-live="polite">
            {note}
          </p>
        )}
        {left <= 50 ? <p className="shrink-0 text-ink-muted">{left} left</p> : null}
      </div>
    </>
  );
}
