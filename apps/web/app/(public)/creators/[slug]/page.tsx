import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { JsonLd, UnavailablePage } from '@/components/shorts/server-page-parts';
import { CreatorView } from '@/components/shorts/creator-view';
import { originFrom } from '@/profile/metadata';
import { creatorJsonLd } from '@/shorts/json-ld';
import { creatorMetadata } from '@/shorts/metadata';
import { loadCreator } from '@/shorts/server';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const lookup = await loadCreator(slug);
  if (lookup.kind !== 'found') return { title: lookup.kind === 'not-found' ? 'Creator not found' : 'Creator', robots: { index: false } };
  return creatorMetadata(lookup.data, originFrom(await headers()));
}

/** An approved creator's page, rendered on the server: who they are and their published series. */
export default async function CreatorPage({ params }: { params: Params }) {
  const { slug } = await params;
  const lookup = await loadCreator(slug);
  if (lookup.kind === 'not-found') notFound();
  if (lookup.kind === 'unavailable') return <UnavailablePage title="This creator page could not be loaded" />;
  const origin = originFrom(await headers());
  return (
    <>
      <JsonLd data={creatorJsonLd(lookup.data.creator, lookup.data.series, origin)} />
      <CreatorView page={lookup.data} />
    </>
  );
}
