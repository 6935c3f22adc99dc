import { describe, expect, it } from 'vitest';
import { firstSegmentUris, isMasterPlaylist, lowestVariantUri, resolveAgainst } from './playlist';

const MASTER = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=720x1280,CODECS="avc1.64001f,mp4a.40.2"
720p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=360x640,CODECS="avc1.64001e,mp4a.40.2"
360p/index.m3u8
`;

const MEDIA_FMP4 = `#EXTM3U
#EXT-X-TARGETDURATION:2
#EXT-X-MAP:URI="init.mp4"
#EXTINF:2.000,
seg_000.m4s
#EXTINF:2.000,
seg_001.m4s
#EXT-X-ENDLIST
`;

const MEDIA_TS = `#EXTM3U\r\n#EXT-X-TARGETDURATION:2\r\n#EXTINF:2.0,\r\nseg0.ts\r\n#EXTINF:2.0,\r\nseg1.ts\r\n`;

describe('HLS playlist reading', () => {
  it('tells master from media playlists', () => {
    expect(isMasterPlaylist(MASTER)).toBe(true);
    expect(isMasterPlaylist(MEDIA_FMP4)).toBe(false);
  });

  it('picks the lowest-bandwidth variant', () => {
    expect(lowestVariantUri(MASTER)).toBe('360p/index.m3u8');
    expect(lowestVariantUri(MEDIA_FMP4)).toBeNull();
  });

  it('finds the init segment and the first media segment', () => {
    expect(firstSegmentUris(MEDIA_FMP4)).toEqual(['init.mp4', 'seg_000.m4s']);
    expect(firstSegmentUris(MEDIA_TS)).toEqual(['seg0.ts']);
  });

  it('resolves against the playlist URL, keeping the token in the path', () => {
    const master = 'http://localhost:3000/api/play/abc.def/hls/master.m3u8';
    const variant = resolveAgainst('360p/index.m3u8', master);
    expect(variant).toBe('http://localhost:3000/api/play/abc.def/hls/360p/index.m3u8');
    expect(resolveAgainst('seg_000.m4s', variant)).toBe('http://localhost:3000/api/play/abc.def/hls/360p/seg_000.m4s');
  });
});
