import { describe, expect, it } from 'vitest';
import { parseContentUrl } from './content-url';

describe('parseContentUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['youtube.com/watch?v=dQw4w9WgXcQ&list=x&t=42s', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/abcdefghijk', 'youtube', 'https://www.youtube.com/watch?v=abcdefghijk', 'abcdefghijk'],
    ['https://www.youtube.com/embed/abcdefghijk', 'youtube', 'https://www.youtube.com/watch?v=abcdefghijk', 'abcdefghijk'],
    ['https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing', 'drive', 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view', '1AbCdEfGhIjKlMnOp'],
    ['https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp', 'drive', 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view', '1AbCdEfGhIjKlMnOp'],
    ['https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=x', 'spotify', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', 'track:4uLU6hMCjMI75M1A2tKUQC'],
    ['https://open.spotify.com/intl-de/episode/4uLU6hMCjMI75M1A2tKUQC', 'spotify', 'https://open.spotify.com/episode/4uLU6hMCjMI75M1A2tKUQC', 'episode:4uLU6hMCjMI75M1A2tKUQC'],
    ['https://example.com/films/night.mp4', 'web', 'https://example.com/films/night.mp4', null],
    ['  http://example.org/page  ', 'web', 'http://example.org/page', null],
  ])('%s -> %s', (input, platform, url, mediaId) => {
    expect(parseContentUrl(input)).toEqual({ ok: true, content: { platform, url, mediaId } });
  });

  it.each([
    ['', 'Paste a link'],
    ['javascript:alert(1)', 'Only http and https'],
    ['data:text/html,<b>x</b>', 'Only http and https'],
    ['file:///etc/passwd', 'Only http and https'],
    ['ftp://example.com/x', 'Only http and https'],
    ['not a link', "doesn't look like a link"],
    ['https://www.youtube.com/feed/trending', 'no video in it'],
    ['https://youtu.be/short', 'no video in it'],
    ['https://open.spotify.com/user/someone', 'Spotify link to a track'],
    [`https://example.com/${'a'.repeat(2100)}`, 'too long'],
  ])('refuses %s', (input, message) => {
    const result = parseContentUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
