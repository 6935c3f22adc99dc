import type { ReactNode } from 'react';

/** A refusal sentence under a guild row or form, full width; nothing when there is none. */
export function ErrorLine({ children }: { children: ReactNode }) {
  return children ? (
    <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
      {children}
    </p>
  ) : null;
}
