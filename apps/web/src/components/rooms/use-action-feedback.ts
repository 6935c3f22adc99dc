'use client';

import { useCallback, useState } from 'react';
import type { ActionResult } from '@/rooms/use-room';

export interface ActionFeedback {
  ok: boolean;
  message: string;
}

/**
 * Runs a room action and keeps the sentence to show afterwards: the refusal when the server said no,
 * `done` when it went through (nothing when there is no `done`).
 */
export function useActionFeedback() {
  const [feedback, setFeedback] = useState<ActionFeedback | null>(null);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (action: () => Promise<ActionResult>, done?: string): Promise<boolean> => {
    setPending(true);
    setFeedback(null);
    const result = await action();
    setPending(false);
    if (!result.ok) setFeedback({ ok: false, message: result.error.message });
    else if (done) setFeedback({ ok: true, message: done });
    return result.ok;
  }, []);
  return { feedback, pending, run, clear: () => setFeedback(null) };
}
