'use client';

import { cx } from '@wt/ui';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons';

/**
 * A modal dialog on the native `<dialog>`: the page behind is inert, focus stays inside, Escape and
 * the close button close it, and the browser puts focus back on what opened it. The content is only
 * mounted while open, so each opening starts fresh.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = 'md',
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  size?: 'md' | 'lg';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className={cx(
        'm-auto w-[calc(100%-2rem)] rounded-3xl border border-line bg-surface p-0 text-ink shadow-2xl shadow-brand-950/20',
        'max-h-[calc(100dvh-2rem)] backdrop:bg-brand-950/50 backdrop:backdrop-blur-sm',
        size === 'lg' ? 'max-w-2xl' : 'max-w-lg',
      )}
    >
      {open ? (
        <div className="relative p-5 sm:p-6">
          <div className="min-w-0 pr-10">
            <h2 id={titleId} className="text-lg font-semibold text-ink">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-1 text-sm leading-6 text-ink-muted">
                {description}
              </div>
            ) : null}
          </div>
          <div className="mt-5">{children}</div>
          {/* Last in the DOM, so opening focuses the first field rather than Close. */}
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="absolute top-3 right-3 inline-flex size-9 items-center justify-center rounded-full text-ink-muted transition hover:bg-surface-2 hover:text-ink sm:top-4 sm:right-4"
          >
            <CloseIcon />
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
