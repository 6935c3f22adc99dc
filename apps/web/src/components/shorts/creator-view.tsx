import type { CreatorPage } from '@wt/schemas';
import { Card, Container, Pill } from '@wt/ui';
import { Avatar } from '../profile/avatar';
import { LinkIcon } from '../icons';
import { SeriesGrid } from './series-card';

/** How a creator's link reads: its host and path, without the scheme. */
function linkLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

/** /creators/<slug>: a server component (no JS): name, bio, links, published series. */
export function CreatorView({ page: { creator, series } }: { page: CreatorPage }) {
  return (
    <Container size="md" className="py-10 sm:py-14">
      <Card className="flex flex-col gap-6 sm:flex-row sm:items-center">
        <Avatar url={creator.avatarUrl} name={creator.displayName} size="lg" />
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{creator.displayName}</h1>
            <Pill tone="accent">Creator</Pill>
          </div>
          {creator.bio ? <p className="text-base leading-7 whitespace-pre-line text-ink" data-testid="creator-bio">{creator.bio}</p> : null}
          {creator.links.length > 0 ? (
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {creator.links.map((link) => (
                <li key={link} className="min-w-0">
                  <a
                    href={link}
                    rel="nofollow noopener noreferrer"
                    target="_blank"
                    className="inline-flex max-w-full items-center gap-1 text-brand-700 hover:underline dark:text-brand-300"
                  >
                    <LinkIcon className="size-4 shrink-0" />
                    <span className="truncate">{linkLabel(link)}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </Card>

      <section aria-labelledby="series-heading" className="mt-12">
        <h2 id="series-heading" className="text-xl font-semibold tracking-tight text-ink">
          Series
        </h2>
        {series.length > 0 ? (
          <div className="mt-6">
            <SeriesGrid series={series} priorityCount={4} />
          </div>
        ) : (
          <p className="mt-3 text-sm text-ink-muted">{creator.displayName} has not published a series yet.</p>
        )}
      </section>
    </Container>
  );
}
