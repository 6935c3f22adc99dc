import type { SeriesDetail } from '@wt/schemas';

/** A published series as the API describes it, for the unit tests. */
export function seriesFixture(): SeriesDetail {
  return {
    id: '6c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d',
    slug: 'midnight-diner',
    title: 'Midnight Diner </script><script>alert(1)</script>',
    genre: 'drama',
    coverUrl: '/api/media/covers/diner.jpg',
    creator: { slug: 'maya-films', displayName: 'Maya Films', avatarUrl: null },
    episodeCount: 2,
    freeEpisodes: 1,
    description: 'Confessions after closing time.',
    publishedAt: '2026-11-01T12:00:00.000Z',
    seasons: [
      {
        id: '7c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d',
        number: 1,
        title: 'Opening night',
        priceCents: 299,
        unlocked: false,
        episodes: [
          {
            id: '8c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d',
            number: 1,
            title: 'The Regular',
            description: 'A stranger orders the usual.',
            durationMs: 65_000,
            thumbnailUrl: '/api/media/thumbs/e1.jpg',
            free: true,
            locked: false,
            progressMs: null,
          },
          {
            id: '9c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d',
            number: 2,
            title: 'Closing Time',
            description: '',
            durationMs: null,
            thumbnailUrl: null,
            free: false,
            locked: true,
            progressMs: null,
          },
        ],
      },
    ],
  };
}
