import { parseContentUrl } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { embedFor, httpUrl } from './platforms';

function parsed(url: string) {
  const result = parseContentUrl(url);
  if (!result.ok) throw new Error(result.message);
  return result.content;
}

describe('embedFor', () => {
  it('embeds YouTube from its privacy-enhanced host', () => {
    expect(embedFor(parsed('https://youtu.be/aqz-KE-bpKQ'))).toEqual({
      kind: 'iframe',
      src: 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
      title: 'YouTube video',
      sandboxed: false,
    });
  });

  it('shows Spotify and Drive as a card linking to the content, until playback sync plays them', () => {
    expect(
      embedFor(parsed('https://open.spotify.com/intl-de/playlist/37i9dQZF1DWWQRwui0ExPn?si=x')),
    ).toMatchObject({
      kind: 'placeholder',
      platform: 'spotify',
      href: 'https://open.spotify.com/playlist/37i9dQZF1DWWQRwui0ExPn',
    });
    expect(embedFor(parsed('https://drive.google.com/file/d/1wT-demo-anime-episode-3/view'))).toMatchObject({
      kind: 'placeholder',
      platform: 'drive',
      href: 'https://drive.google.com/file/d/1wT-demo-anime-episode-3/view',
    });
  });

  it('plays a direct link to a video file in a video element', () => {
    expect(embedFor(parsed('https://media.example.com/films/trailer.MP4?token=1'))).toEqual({
      kind: 'video',
      src: 'https://media.example.com/films/trailer.MP4?token=1',
    });
  });

  it('sandboxes web pages', () => {
    expect(embedFor(parsed('https://example.com/article'))).toEqual({
      kind: 'iframe',
      src: 'https://example.com/article',
      title: 'Shared web page',
      sandboxed: true,
    });
  });

  it('plays uploads in a video element', () => {
    expect(embedFor({ platform: 'upload', url: 'https://cdn.example.com/v.mp4', mediaId: 'v' })).toEqual({
      kind: 'video',
      src: 'https://cdn.example.com/v.mp4',
    });
  });

  it('never embeds a script URL, whatever is stored', () => {
    expect(embedFor({ platform: 'web', url: 'javascript:alert(1)', mediaId: null }).kind).toBe('none');
    expect(embedFor({ platform: 'upload', url: 'data:text/html,x', mediaId: null }).kind).toBe('none');
    expect(embedFor({ platform: 'drive', url: 'javascript:alert(1)', mediaId: 'x' }).kind).toBe('none');
  });

  it('encodes ids, so a stored id cannot leave the embed path', () => {
    const embed = embedFor({ platform: 'youtube', url: 'x', mediaId: '../../evil?x' });
    expect(embed.kind === 'iframe' && embed.src).toBe(
      'https://www.youtube-nocookie.com/embed/..%2F..%2Fevil%3Fx',
    );
  });

  it('says when nothing is playing', () => {
    expect(embedFor(null)).toEqual({ kind: 'none', reason: 'Nothing is playing yet.' });
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
