import { describe, expect, it } from 'vitest';
import { seriesMetadata } from './metadata';
import { seriesFixture } from './test-fixtures';

describe('seriesMetadata', () => {
  it('is a video.tv_show with its cover, a large Twitter card and a canonical URL', () => {
    const meta = seriesMetadata(seriesFixture(), 'https://watch.example');
    expect(meta.alternates?.canonical).toBe('/series/midnight-diner');
    expect(meta.openGraph).toMatchObject({
      type: 'video.tv_show',
      url: '/series/midnight-diner',
      images: [{ url: 'https://watch.example/api/media/covers/diner.jpg' }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', images: ['https://watch.example/api/media/covers/diner.jpg'] });
    expect(meta.description).toBe('Confessions after closing time.');
  });

  it('has a summary card and a generated description without cover or description', () => {
    const meta = seriesMetadata({ ...seriesFixture(), coverUrl: null, description: '' }, 'https://watch.example');
    expect(meta.twitter).toMatchObject({ card: 'summary' });
    expect(meta.description).toBe('Drama series by Maya Films: vertical episodes of a few minutes, the first ones free.');
  });
});
