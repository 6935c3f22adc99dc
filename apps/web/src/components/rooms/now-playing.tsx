import type { RoomDetail } from '@wt/schemas';
import { Button } from '@wt/ui';
import { nowPlaying } from '@/rooms/lobby';
import { httpUrl } from '@/rooms/platforms';

/** Under the player: what plays (with a link to the original) and, for who may, a Change button. */
export function NowPlaying({
  content,
  onChange,
}: {
  content: RoomDetail['content'];
  onChange: (() => void) | null;
}) {
  const playing = nowPlaying(content);
  const href = content ? httpUrl(content.url) : null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="min-w-0 text-sm text-ink-muted">
        {playing ? (
          <>
            Playing <span className="font-semibold text-ink">{playing.platform}</span> ·{' '}
            {href ? (
              <a
                href={href}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="break-all underline underline-offset-2 hover:text-ink"
              >
                {playing.detail}
              </a>
            ) : (
              playing.detail
            )}
          </>
        ) : (
          'Nothing is playing yet.'
        )}
      </p>
      {onChange ? (
        <Button variant="outline" size="sm" onClick={onChange}>
          Change what plays
        </Button>
      ) : null}
    </div>
  );
}
