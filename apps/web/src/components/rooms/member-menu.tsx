'use client';

import { cx } from '@wt/ui';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MenuEntry } from '@/rooms/member-menu';
import { DotsIcon } from '../icons';

/**
 * The menu beside a member in the roster (leader and moderators only). A menu button: Enter/Space
 * opens it on its first entry, arrows move, Escape closes it and returns to the button, Tab leaves.
 */
export function MemberMenu({
  name,
  entries,
  onChoose,
  disabled,
}: {
  name: string;
  entries: readonly MenuEntry[];
  onChoose: (entry: MenuEntry) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items.current.filter((el): el is HTMLButtonElement => el !== null);
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      // Escape inside a dialog would close the dialog too.
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Actions for ${name}`}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="inline-flex size-8 items-center justify-center rounded-full text-ink-muted transition hover:bg-surface-2 hover:text-ink disabled:opacity-50"
      >
        <DotsIcon className="size-5" />
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={`Actions for ${name}`}
          onKeyDown={onMenuKey}
          className="absolute top-full right-0 z-30 mt-1 w-56 rounded-2xl border border-line bg-surface p-1.5 shadow-xl shadow-brand-950/10"
        >
          {entries.map((entry, i) => (
            <button
              key={entry.key}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(true);
                onChoose(entry);
              }}
              className={cx(
                'block w-full rounded-xl px-3 py-2 text-left text-sm font-medium hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none',
                entry.danger ? 'text-red-700 dark:text-red-300' : 'text-ink',
                i > 0 &&
                  entry.command.kind === 'kick' &&
                  entries[i - 1]?.command.kind !== 'kick' &&
                  'mt-1.5 border-t border-line pt-2.5',
              )}
            >
              {entry.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
