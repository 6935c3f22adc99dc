import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { preload } from 'react-dom';
import { ShortsWatch } from '@/components/shorts/watch/shorts-watch';
import { loadAnonymousWatch } from '@/shorts/server';

export const metadata: Metadata = {
  title: 'Watch',
  // The series page is the one to index; a watch page depends on who is looking.
  robots: { index: false, follow: true },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The vertical player. What it shows depends on the viewer (locks, progress), so the browser asks
 * `shorts.watch` itself; the server adds the signed-out view so a free episode starts loading from
 * the HTML (its MP4 or HLS playlist is fetched before any script runs). Keyed by episode so each
 * one starts clean.
 */
export default async function WatchEpisodePage({ params }: { params: Promise<{ episodeId: string }> }) {
  const { episodeId: raw } = await params;
  const episodeId = raw.toLowerCase();
  if (!UUID.test(episodeId)) notFound();
  // Not found for a signed-out visitor may still be found for its creator: the browser's view decides.
  const lookup = await loadAnonymousWatch(episodeId);
  const initial = lookup.kind === 'found' ? lookup.data : null;
  // hls.js fetches the playlist with XHR (CORS mode, same-origin credentials): a matching preload.
  if (initial?.playback?.kind === 'hls') preload(initial.playback.url, { as: 'fetch', crossOrigin: 'anonymous' });
  return <ShortsWatch key={episodeId} episodeId={episodeId} initial={initial} />;
}
