import type { ReactNode } from 'react';

/** The button at the top of a chat log that fetches the page of messages before the first one shown. */
export function LoadOlderButton({ loading, onClick }: { loading: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={loading}
      className="rounded-full px-3 py-1 text-xs font-semibold text-brand-700 hover:bg-surface-2 disabled:opacity-60 dark:text-brand-300"
    >
      {loading ? 'Loading older messages…' : 'Load older messages'}
    </button>
  );
}

/** The bar under a chat log: a refusal from the last action (if any) above the composer. */
export function ChatFooter({ notice, children }: { notice: string | null; children: ReactNode }) {
  return (
    <div className="border-t border-line p-3">
      {notice ? (
        <p role="alert" className="mb-2 text-xs text-red-700 dark:text-red-300">
          {notice}
        </p>
      ) : null}
      {children}
    </div>
  );
}
