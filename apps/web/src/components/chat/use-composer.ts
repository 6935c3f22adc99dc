'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { ZodType } from 'zod';

type SendResult = { ok: true } | { ok: false; error: { message: string } };

/**
 * What a chat composer holds: the text, the refusal sentence and whether a send is under way.
 * `submit` checks the text with the shared schema and sends it; on success the box empties and keeps
 * the focus, on a refusal the text stays and the sentence shows. `field` goes to `ComposerField`.
 */
export function useComposer({
  content,
  send,
  blocked = false,
  onSent,
}: {
  /** The payload's `content` schema, the one the server parses with. */
  content: ZodType<string>;
  send: (content: string) => Promise<SendResult>;
  /** Nothing is sent while true (slow mode, chat not open). */
  blocked?: boolean;
  onSent?: () => void;
}) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (sending || blocked) return;
    const checked = content.safeParse(text);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Write a message first.');
    setSending(true);
    setError(null);
    const result = await send(checked.data);
    setSending(false);
    if (!result.ok) return setError(result.error.message);
    setText('');
    onSent?.();
    inputRef.current?.focus();
  };

  return {
    submit,
    sending,
    field: {
      value: text,
      onChange: (value: string) => {
        setText(value);
        if (error) setError(null);
      },
      onSend: () => void submit(),
      inputRef,
      error,
    },
  };
}
