import type { Playback } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { forgetPlayback, warmedPlayback, warmEpisode } from './preload';

const ORIGIN = 'http://localhost:3000';
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

const FILES: Record<string, string> = {
  '/api/play/tok/hls/master.m3u8': '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\n720p/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=600000\n360p/index.m3u8\n',
  '/api/play/tok/hls/360p/index.m3u8': '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg_00000.ts\n#EXTINF:2.0,\nseg_00001.ts\n',
  '/api/play/tok/hls/360p/seg_00000.ts': 'bytes',
};

function fakeFetch() {
  const asked: string[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const { pathname } = new URL(String(input));
    asked.push(pathname);
    const body = FILES[pathname];
    return new Response(body ?? 'missing', { status: body ? 200 : 404 });
  }) as typeof fetch;
  return { fetchFn, asked };
}

describe('warmEpisode', () => {
  it('fetches the lowest variant playlist and its first segment, and remembers the playback', async () => {
    const playback: Playback = { kind: 'hls', url: '/api/play/tok/hls/master.m3u8', posterUrl: null, expiresAt: inAnHour() };
    const { fetchFn, asked } = fakeFetch();
    await warmEpisode('ep-1', playback, fetchFn, ORIGIN);
    expect(asked).toEqual(['/api/play/tok/hls/master.m3u8', '/api/play/tok/hls/360p/index.m3u8', '/api/play/tok/hls/360p/seg_00000.ts']);
    expect(warmedPlayback('ep-1')).toEqual(playback);

    // A second answer with a fresh token for the same episode: the first (already cached) URL stays.
    const again = fakeFetch();
    await warmEpisode('ep-1', { ...playback, url: '/api/play/other/hls/master.m3u8' }, again.fetchFn, ORIGIN);
    expect(again.asked).toEqual([]);
    expect(warmedPlayback('ep-1')?.url).toBe(playback.url);
    forgetPlayback('ep-1');
    expect(warmedPlayback('ep-1')).toBeNull();
  });

  it('forgets a playback about to expire', async () => {
    const soon: Playback = { kind: 'mp4', url: '/api/play/tok/original.mp4', posterUrl: null, expiresAt: new Date(Date.now() + 5_000).toISOString() };
    await warmEpisode('ep-2', soon, fakeFetch().fetchFn, ORIGIN);
    expect(warmedPlayback('ep-2')).toBeNull();
  });

  it('never throws when the network fails', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(
      warmEpisode('ep-3', { kind: 'hls', url: '/x/master.m3u8', posterUrl: null, expiresAt: inAnHour() }, failing, ORIGIN),
    ).resolves.toBeUndefined();
  });
});
