import type { ReactNode } from 'react';

/** A titled panel of the guild page, in the look of the friends page's sections. */
export function GuildSection({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
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

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="px-1 py-1 text-sm text-ink-muted">{children}</p>;
}

export function ErrorLine({ children }: { children: ReactNode }) {
  return children ? (
    <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
      {children}
    </p>
  ) : null;
}
