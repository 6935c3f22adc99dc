import type { RoomDetail } from '@wt/schemas';
import type { ReactNode } from 'react';
import { buttonClasses, Card } from '@wt/ui';
import { embedFor, PLATFORM_LABELS } from '@/rooms/platforms';
import { FilmIcon } from '../icons';

/**
 * What the room plays. For now each viewer plays it on their own; the Playback sync issue replaces
 * this component with a synchronised player.
 */
export function RoomPlayer({ content }: { content: RoomDetail['content'] }) {
  const embed = embedFor(content);
  switch (embed.kind) {
    case 'iframe':
      return (
        <div className="space-y-2">
          <iframe
            src={embed.src}
            title={embed.title}
            className="aspect-video w-full rounded-3xl border border-line bg-black"
            allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            // A shared web page runs scripts but never as this site (no allow-same-origin).
            sandbox={
              embed.sandboxed ? 'allow-scripts allow-forms allow-popups allow-presentation' : undefined
            }
          />
          {embed.sandboxed ? (
            <p className="text-sm text-ink-muted">
              Each viewer controls their own copy of this page; only the chat is shared. If it stays blank,
              the site does not allow being shown inside another page:{' '}
              <a
                href={embed.src}
                target="_blank"
                rel="noopener noreferrer"
                className="font-semibold text-brand-700 underline dark:text-brand-300"
              >
                open it in a new tab
              </a>
              .
            </p>
          ) : null}
        </div>
      );
    case 'video':
      return (
        <video
          src={embed.src}
          controls
          preload="metadata"
          className="aspect-video w-full rounded-3xl border border-line bg-black"
        >
          Your browser cannot play this video.
        </video>
      );
    case 'placeholder':
      return (
        <PlayerCard title={`${PLATFORM_LABELS[embed.platform]} is playing`} body={embed.message}>
          <a
            href={embed.href}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClasses({ variant: 'outline', size: 'sm' })}
          >
            Open on {PLATFORM_LABELS[embed.platform]}
          </a>
        </PlayerCard>
      );
    case 'none':
      return <PlayerCard title="Nothing to show" body={embed.reason} />;
  }
}

function PlayerCard({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <Card className="flex min-h-56 flex-col items-center justify-center gap-3 border-dashed bg-hero-glow text-center sm:aspect-video">
      <span className="grid size-14 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-200">
        <FilmIcon className="size-7" />
      </span>
      <p className="text-lg font-semibold text-ink">{title}</p>
      <p className="max-w-md text-sm leading-6 text-ink-muted">{body}</p>
      {children}
    </Card>
  );
}
