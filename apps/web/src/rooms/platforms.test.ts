import { parseContentUrl } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { httpUrl, playerSourceFor } from './platforms';

function parsed(url: string) {
  const result = parseContentUrl(url);
  if (!result.ok) throw new Error(result.message);
  return result.content;
}

describe('playerSourceFor', () => {
  it('plays YouTube through the IFrame API', () => {
    expect(playerSourceFor(parsed('https://youtu.be/aqz-KE-bpKQ'))).toEqual({
      kind: 'youtube',
      videoId: 'aqz-KE-bpKQ',
    });
  });

  it("shows Drive's own player, or streams the file through the Drive API when there is a key", () => {
    const content = parsed('https://drive.google.com/file/d/1wT-demo-anime-episode-3/view');
    expect(playerSourceFor(content)).toEqual({
      kind: 'drive-embed',
      src: 'https://drive.google.com/file/d/1wT-demo-anime-episode-3/preview',
      href: 'https://drive.google.com/file/d/1wT-demo-anime-episode-3/view',
    });
    expect(playerSourceFor(content, { googleApiKey: 'AIza key&x' })).toEqual({
      kind: 'video',
      src: 'https://www.googleapis.com/drive/v3/files/1wT-demo-anime-episode-3?alt=media&key=AIza%20key%26x',
    });
  });

  it('names the Spotify item for the Web Playback SDK', () => {
    expect(
      playerSourceFor(parsed('https://open.spotify.com/intl-de/playlist/37i9dQZF1DWWQRwui0ExPn?si=x')),
    ).toEqual({
      kind: 'spotify',
      uri: 'spotify:playlist:37i9dQZF1DWWQRwui0ExPn',
      href: 'https://open.spotify.com/playlist/37i9dQZF1DWWQRwui0ExPn',
    });
  });

  it('plays a direct link to a video file or an HLS playlist in a video element', () => {
    expect(playerSourceFor(parsed('https://media.example.com/films/trailer.MP4?token=1'))).toEqual({
      kind: 'video',
      src: 'https://media.example.com/films/trailer.MP4?token=1',
    });
    expect(playerSourceFor(parsed('http://127.0.0.1:8080/live/index.m3u8'))).toEqual({
      kind: 'video',
      src: 'http://127.0.0.1:8080/live/index.m3u8',
    });
  });

  it('shows other web pages in a sandbox', () => {
    expect(playerSourceFor(parsed('https://example.com/article'))).toEqual({
      kind: 'web',
      src: 'https://example.com/article',
    });
  });

  it('plays uploads in a video element', () => {
    expect(
      playerSourceFor({ platform: 'upload', url: 'https://cdn.example.com/v.mp4', mediaId: 'v' }),
    ).toEqual({
      kind: 'video',
      src: 'https://cdn.example.com/v.mp4',
    });
  });

  it('plays a Shorts episode through each member\'s own access', () => {
    const episodeId = '2fddcba6-c8f0-4189-ada1-0eb1222d6dea';
    expect(playerSourceFor({ platform: 'upload', url: `/watch/${episodeId}`, mediaId: null })).toEqual({ kind: 'episode', episodeId });
    expect(playerSourceFor({ platform: 'upload', url: `/watch/${episodeId}/x`, mediaId: null }).kind).toBe('video');
  });

  it('never plays a script URL, whatever is stored', () => {
    expect(playerSourceFor({ platform: 'web', url: 'javascript:alert(1)', mediaId: null }).kind).toBe('none');
    expect(playerSourceFor({ platform: 'upload', url: 'data:text/html,x', mediaId: null }).kind).toBe('none');
  });

  it("refuses stored ids that are not the provider's, so none can leave its path", () => {
    expect(playerSourceFor({ platform: 'youtube', url: 'x', mediaId: '../../evil?x' }).kind).toBe('none');
    expect(playerSourceFor({ platform: 'drive', url: 'x', mediaId: '../evil?x=1' }).kind).toBe('none');
    expect(playerSourceFor({ platform: 'spotify', url: 'x', mediaId: 'track:../../x' }).kind).toBe('none');
  });

  it('says when nothing is playing', () => {
    expect(playerSourceFor(null)).toEqual({ kind: 'none', reason: 'Nothing is playing yet.' });
  });
});

describe('httpUrl', () => {
  it('keeps http(s) addresses and same-site paths only', () => {
    expect(httpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(httpUrl('/media/v.mp4')).toBe('/media/v.mp4');
    expect(httpUrl('//evil.example/x')).toBeNull();
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('not a url')).toBeNull();
  });
});
