import { describe, expect, it } from 'vitest';
import { creatorJsonLd, jsonLdScriptBody, seriesJsonLd } from './json-ld';
import { seriesFixture } from './test-fixtures';

const ORIGIN = 'https://watch.example';

interface EpisodeLd {
  '@type': string;
  isAccessibleForFree: boolean;
  video: Record<string, unknown>;
}
interface SeriesLd {
  '@context': string;
  '@type': string;
  url: string;
  image: string;
  creator: unknown;
  numberOfSeasons: number;
  containsSeason: { episode: EpisodeLd[] }[];
}

describe('seriesJsonLd', () => {
  const ld = seriesJsonLd(seriesFixture(), ORIGIN) as unknown as SeriesLd;

  it('describes a TVSeries with absolute URLs', () => {
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('TVSeries');
    expect(ld.url).toBe('https://watch.example/series/midnight-diner');
    expect(ld.image).toBe('https://watch.example/api/media/covers/diner.jpg');
    expect(ld.creator).toEqual({ '@type': 'Person', name: 'Maya Films', url: 'https://watch.example/creators/maya-films' });
    expect(ld.numberOfSeasons).toBe(1);
  });

  it('lists seasons with their episodes and a VideoObject each', () => {
    const season = ld.containsSeason[0]!;
    expect(season).toMatchObject({ '@type': 'TVSeason', seasonNumber: 1, name: 'Opening night', numberOfEpisodes: 2 });
    const [first, second] = season.episode as [EpisodeLd, EpisodeLd];
    expect(first).toMatchObject({
      '@type': 'TVEpisode',
      episodeNumber: 1,
      name: 'The Regular',
      url: 'https://watch.example/watch/8c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d',
      isAccessibleForFree: true,
      video: {
        '@type': 'VideoObject',
        name: 'The Regular',
        description: 'A stranger orders the usual.',
        thumbnailUrl: 'https://watch.example/api/media/thumbs/e1.jpg',
        duration: 'PT1M5S',
        uploadDate: '2026-11-01T12:00:00.000Z',
      },
    });
    // No thumbnail of its own: the cover; no duration known: the field is left out.
    expect(second.video.thumbnailUrl).toBe('https://watch.example/api/media/covers/diner.jpg');
    expect(second.video).not.toHaveProperty('duration');
    expect(second.isAccessibleForFree).toBe(false);
    expect(second).not.toHaveProperty('description');
  });
});

describe('jsonLdScriptBody', () => {
  it('cannot close the script tag and stays valid JSON', () => {
    const body = jsonLdScriptBody(seriesJsonLd(seriesFixture(), ORIGIN));
    expect(body).not.toContain('<');
    expect(body).not.toContain('>');
    expect((JSON.parse(body) as { name: string }).name).toBe('Midnight Diner </script><script>alert(1)</script>');
  });

  it('escapes line and paragraph separators', () => {
    expect(jsonLdScriptBody({ a: 'x\u2028y' })).toBe('{"a":"x\\u2028y"}');
  });
});

describe('creatorJsonLd', () => {
  it('is a ProfilePage about the creator with their links as sameAs', () => {
    const ld = creatorJsonLd(
      {
        id: '1c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d',
        slug: 'maya-films',
        displayName: 'Maya Films',
        bio: 'Diner stories.',
        avatarUrl: null,
        links: ['https://maya.example'],
        status: 'approved',
        reason: null,
        createdAt: '2026-10-01T00:00:00.000Z',
      },
      [],
      ORIGIN,
    ) as { '@type': string; mainEntity: unknown };
    expect(ld['@type']).toBe('ProfilePage');
    expect(ld.mainEntity).toEqual({
      '@type': 'Person',
      name: 'Maya Films',
      description: 'Diner stories.',
      url: 'https://watch.example/creators/maya-films',
      sameAs: ['https://maya.example'],
    });
  });
});
