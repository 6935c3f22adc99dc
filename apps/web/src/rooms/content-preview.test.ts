import { describe, expect, it } from 'vitest';
import { contentPreview } from './content-preview';

describe('contentPreview', () => {
  it.each([
    ['https://youtu.be/aqz-KE-bpKQ', 'youtube', 'YouTube'],
    ['https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', 'spotify', 'Spotify'],
    ['https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view', 'drive', 'Google Drive'],
    ['example.com/article', 'web', 'Web page'],
  ])('%s is %s', (value, platform, label) => {
    expect(contentPreview(value)).toMatchObject({ state: 'ok', platform, label });
  });

  it('shows the normalised address', () => {
    expect(contentPreview('https://www.youtube.com/shorts/aqz-KE-bpKQ')).toMatchObject({
      url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
    });
  });

  it('says nothing for an empty field', () => {
    expect(contentPreview('   ')).toEqual({ state: 'empty' });
  });

  it('refuses other schemes with the parser sentence', () => {
    expect(contentPreview('javascript:alert(1)')).toEqual({
      state: 'invalid',
      message: 'Only http and https links can be played in a room.',
    });
  });

  it('explains a YouTube link without a video', () => {
    expect(contentPreview('https://www.youtube.com/feed/trending')).toMatchObject({ state: 'invalid' });
  });
});
