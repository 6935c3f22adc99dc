import { describe, expect, it } from 'vitest';
import { assetErrorSentence, assetFacts, muxStreamUrl, muxThumbnailUrl, parseDelivery, uploadFacts } from './events';

const EPISODE = '6f1c2b0e-4d1a-4f7e-9a51-2b7c0d9e8f10';

const readyAsset = {
  id: 'asset-1',
  status: 'ready',
  upload_id: 'upload-1',
  passthrough: EPISODE,
  duration: 12.345678,
  aspect_ratio: '9:16',
  playback_ids: [
    { id: 'pub-1', policy: 'public' },
    { id: 'sig-1', policy: 'signed' },
  ],
  tracks: [
    { type: 'audio', id: 'a', duration: 12.3 },
    { type: 'video', id: 'v', max_width: 1080, max_height: 1920, max_frame_rate: 30 },
  ],
};

describe('parseDelivery', () => {
  it('reads the envelope', () => {
    expect(parseDelivery({ id: 'e1', type: 'video.asset.ready', data: { id: 'x' }, extra: 1 })).toEqual({
      id: 'e1',
      type: 'video.asset.ready',
      data: { id: 'x' },
    });
  });
  it.each([[null], ['text'], [{ type: 'video.asset.ready' }], [{ id: '', type: 't' }], [{ id: 'e', type: 7 }]])(
    'refuses %j',
    (payload) => {
      expect(parseDelivery(payload)).toBeNull();
    },
  );
  it('gives an empty data object when data is absent', () => {
    expect(parseDelivery({ id: 'e1', type: 'video.upload.created' })?.data).toEqual({});
  });
});

describe('uploadFacts', () => {
  it.each([
    [{ id: 'u1', asset_id: 'a1', status: 'asset_created' }, { uploadId: 'u1', assetId: 'a1' }],
    [{ id: 'u1', status: 'waiting' }, { uploadId: 'u1', assetId: null }],
    [{ id: 'u1', asset_id: 42 }, { uploadId: 'u1', assetId: null }],
    [{ asset_id: 'a1' }, null],
  ])('%j', (data, expected) => {
    expect(uploadFacts(data)).toEqual(expected);
  });
});

describe('assetFacts', () => {
  it('keeps the signed playback id, the duration in ms and the video track size', () => {
    expect(assetFacts(readyAsset, 'signed')).toEqual({
      muxAssetId: 'asset-1',
      uploadId: 'upload-1',
      episodeId: EPISODE,
      playbackId: 'sig-1',
      durationMs: 12346,
      width: 1080,
      height: 1920,
    });
  });

  it('keeps the public playback id under the public policy', () => {
    expect(assetFacts(readyAsset, 'public')?.playbackId).toBe('pub-1');
  });

  it('falls back to the first playback id when none has the policy', () => {
    expect(assetFacts({ ...readyAsset, playback_ids: [{ id: 'only', policy: 'public' }] }, 'signed')?.playbackId).toBe('only');
  });

  it('reads a bare asset as unknowns, and a passthrough that is not an episode id as none', () => {
    expect(assetFacts({ id: 'asset-2', passthrough: 'not-a-uuid', duration: -1, tracks: 'x' }, 'signed')).toEqual({
      muxAssetId: 'asset-2',
      uploadId: null,
      episodeId: null,
      playbackId: null,
      durationMs: null,
      width: null,
      height: null,
    });
  });

  it('refuses data without an asset id', () => {
    expect(assetFacts({ status: 'ready' }, 'signed')).toBeNull();
  });
});

describe('assetErrorSentence', () => {
  it.each([
    [{ errors: { type: 'invalid_input', messages: ['The input file is not a video'] } }, 'Mux could not process this video: The input file is not a video.'],
    [{ errors: { messages: ['No video track.', ' Audio only. '] } }, 'Mux could not process this video: No video track. Audio only.'],
    [{ errors: { type: 'invalid_input' } }, 'Mux could not process this video. Upload it again, or try another file.'],
    [{}, 'Mux could not process this video. Upload it again, or try another file.'],
  ])('%j', (data, sentence) => {
    expect(assetErrorSentence({ id: 'a', ...data })).toBe(sentence);
  });

  it('stays short', () => {
    const sentence = assetErrorSentence({ id: 'a', errors: { messages: ['x'.repeat(2000)] } });
    expect(sentence.length).toBe(500);
    expect(sentence.endsWith('…')).toBe(true);
  });
});

describe('Mux URLs', () => {
  it('builds stream and thumbnail URLs with and without a token', () => {
    expect(muxStreamUrl('abc')).toBe('https://stream.mux.com/abc.m3u8');
    expect(muxStreamUrl('abc', 'h.p.s')).toBe('https://stream.mux.com/abc.m3u8?token=h.p.s');
    expect(muxThumbnailUrl('abc')).toBe('https://image.mux.com/abc/thumbnail.jpg');
    expect(muxThumbnailUrl('abc', 'h.p.s')).toBe('https://image.mux.com/abc/thumbnail.jpg?token=h.p.s');
  });
});
