import type { ReactNode } from 'react';

/** A titled panel of a page (friends, a guild), a landmark named by its heading. */
export function PanelSection({
  id,
  title,
  aside,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  /** Beside the title: a count, a button. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-3xl border border-line bg-surface p-4 sm:p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-base font-semibold text-ink">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** What a panel's list says when it has nothing to show. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="px-2 py-1 text-sm text-ink-muted">{children}</p>;
}
