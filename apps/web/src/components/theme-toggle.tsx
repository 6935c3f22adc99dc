'use client';

import { useTheme } from 'next-themes';
import { MoonIcon, SunIcon } from './icons';

/**
 * Flips between light and dark. Both icons are rendered and CSS shows the right one, so the
 * server markup matches the client whatever theme the visitor has stored.
 */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  return (
    <button
      type="button"
      aria-label="Toggle dark mode"
      title="Toggle dark mode"
      onClick={() => setTheme(resolvedTheme === 'dark' ? 'light' : 'dark')}
      className="inline-flex size-10 items-center justify-center rounded-full text-ink-muted transition hover:bg-surface-2 hover:text-ink"
    >
      <SunIcon className="size-5 dark:hidden" />
      <MoonIcon className="hidden size-5 dark:block" />
    </button>
  );
}
