import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';
import { checkVideoFile, formatBytes, uploadRefusalSentence } from './upload-checks';

const MB = 1024 * 1024;

describe('checkVideoFile', () => {
  it.each([
    { name: 'ep1.mp4', type: 'video/mp4', size: 5 * MB },
    { name: 'ep1.mov', type: 'video/quicktime', size: 5 * MB },
    { name: 'ep1.mkv', type: '', size: 5 * MB },
    { name: 'ep1.webm', type: 'video/webm', size: 100 * MB },
  ])('accepts $name', (file) => expect(checkVideoFile(file, 100 * MB)).toBeNull());

  it('refuses what is not a video', () => {
    expect(checkVideoFile({ name: 'notes.txt', type: 'text/plain', size: 10 }, MB)).toBe(
      'notes.txt is not a video. Choose an MP4, MOV, WebM or MKV file.',
    );
    expect(checkVideoFile({ name: 'poster.png', type: 'image/png', size: 10 }, MB)).toMatch(/is not a video/);
    expect(checkVideoFile({ name: 'mystery', type: '', size: 10 }, MB)).toMatch(/is not a video/);
  });

  it('refuses an empty file', () => {
    expect(checkVideoFile({ name: 'ep.mp4', type: 'video/mp4', size: 0 }, MB)).toBe(
      'ep.mp4 is empty. Choose the video again.',
    );
  });

  it('refuses a file over the limit, saying both sizes', () => {
    expect(checkVideoFile({ name: 'long.mp4', type: 'video/mp4', size: 1536 * MB }, 1024 * MB)).toBe(
      'long.mp4 is 1.5 GB; an episode can be at most 1 GB. Export a smaller file.',
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [8 * MB, '8 MB'],
    [1024 * MB, '1 GB'],
  ])('%i is %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('uploadRefusalSentence', () => {
  it('shows the server sentence of a JSON refusal', () => {
    const body = JSON.stringify({ error: { code: 'UPLOAD_REFUSED', message: 'This file is not a video.' } });
    expect(uploadRefusalSentence({ status: 400, body })).toBe('This file is not a video.');
    expect(uploadRefusalSentence({ status: 400, body: '{"message":"Too long."}' })).toBe('Too long.');
  });

  it('shows a plain-text refusal as it is', () => {
    expect(
      uploadRefusalSentence({ status: 415, body: 'Episodes are vertical: this video is landscape.\n' }),
    ).toBe('Episodes are vertical: this video is landscape.');
  });

  it('falls back on the status when the body says nothing readable', () => {
    expect(uploadRefusalSentence({ status: 0, body: '' })).toBe(NETWORK_ERROR_MESSAGE);
    expect(uploadRefusalSentence({ status: 413, body: '<html>Request Entity Too Large</html>' })).toMatch(
      /too large/,
    );
    expect(uploadRefusalSentence({ status: 403, body: '{}' })).toMatch(/Only the creator/);
    expect(uploadRefusalSentence({ status: 500, body: '{not json' })).toBe(UNEXPECTED_MESSAGE);
  });
});
