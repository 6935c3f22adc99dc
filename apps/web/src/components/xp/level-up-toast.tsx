'use client';

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { levelUpMessage } from '@/xp/labels';
import { CloseIcon, SparkIcon } from '../icons';

/** How long the toast stays, unless the pointer or focus is on it. */
const LEVEL_UP_TOAST_MS = 8_000;

/**
 * "Level 2 reached!" under the header's middle (clear of a room's chat box and buttons), announced
 * politely and gone after a few seconds, or at once with its close button. Rendered into <body>: inside the header, whose backdrop blur makes it the containing block,
 * a fixed element would be pinned to the header. The live region stays mounted so screen readers
 * hear the message when it appears.
 */
export function LevelUpToast({ level, onClose }: { level: number | null; onClose: () => void }) {
  return createPortal(
    <div role="status" className="pointer-events-none fixed inset-x-4 top-20 z-50 flex justify-center">
      {level === null ? null : <Toast key={level} level={level} onClose={onClose} />}
    </div>,
    document.body,
  );
}

/** One level-up: its timer is held while the pointer or keyboard focus is on it. */
function Toast({ level, onClose }: { level: number; onClose: () => void }) {
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onClose, LEVEL_UP_TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, onClose]);

  return (
    <div
      data-testid="level-up-toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className="pointer-events-auto flex items-center gap-3 rounded-2xl border border-brand-200 bg-surface py-3 pr-2 pl-4 shadow-xl shadow-brand-950/15 dark:border-brand-700/60"
    >
      <span className="grid size-9 shrink-0 place-items-center rounded-full bg-gradient-to-br from-brand-500 to-fuchsia-500 text-white">
        <SparkIcon className="size-5" />
      </span>
      <p className="text-sm font-semibold text-ink">{levelUpMessage(level)}</p>
      <button
        type="button"
        onClick={onClose}
        aria-label="Close"
        className="grid size-8 place-items-center rounded-full text-ink-muted transition hover:bg-surface-2 hover:text-ink"
      >
        <CloseIcon className="size-4" />
      </button>
    </div>
  );
}
