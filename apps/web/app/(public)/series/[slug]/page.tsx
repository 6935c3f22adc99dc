import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { JsonLd, UnavailablePage } from '@/components/shorts/server-page-parts';
import { SeriesView } from '@/components/shorts/series-view';
import { originFrom } from '@/profile/metadata';
import { seriesJsonLd } from '@/shorts/json-ld';
import { seriesMetadata } from '@/shorts/metadata';
import { loadSeries } from '@/shorts/server';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const lookup = await loadSeries(slug);
  if (lookup.kind !== 'found') return { title: lookup.kind === 'not-found' ? 'Series not found' : 'Series', robots: { index: false } };
  return seriesMetadata(lookup.data, originFrom(await headers()));
}

/**
 * A series, rendered on the server as a signed-out visitor sees it (crawlers and share cards get the
 * full episode list and its structured data); a signed-in browser then fetches its own locks and
 * progress. Unknown and unpublished series are a 404.
 */
export default async function SeriesPage({ params }: { params: Params }) {
  const { slug } = await params;
  const lookup = await loadSeries(slug);
  if (lookup.kind === 'not-found') notFound();
  if (lookup.kind === 'unavailable') return <UnavailablePage title="This series could not be loaded" />;
  const origin = originFrom(await headers());
  return (
    <>
      <JsonLd data={seriesJsonLd(lookup.data, origin)} />
      <SeriesView initial={lookup.data} />
    </>
  );
}
