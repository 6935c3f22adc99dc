import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { PLAYBACK_TOKEN_SLACK_S } from '@wt/schemas';
import { muxSigningKey } from '../../../../test/mux-server';
import { testEnv } from '../../../../test/helpers';
import { muxPlaybackFor, muxThumbnailFor, MUX_THUMBNAIL_TOKEN_S } from './playback';

const MUX = { MUX_TOKEN_ID: 'id', MUX_TOKEN_SECRET: 'secret', MUX_WEBHOOK_SECRET: 'whsec' };
const key = muxSigningKey();
const signedEnv = testEnv({ ...MUX, MUX_SIGNING_KEY_ID: key.keyId, MUX_SIGNING_PRIVATE_KEY: key.privateKeyBase64 });
const publicEnv = testEnv(MUX);

async function claimsOf(url: string, audience: string, subject: string) {
  const token = new URL(url).searchParams.get('token');
  expect(token).toBeTruthy();
  const { payload, protectedHeader } = await jwtVerify(token!, key.publicKey, { audience, subject, algorithms: ['RS256'] });
  return { payload, protectedHeader };
}

describe('muxPlaybackFor', () => {
  it('signs the playlist and the poster for the episode length plus the slack', async () => {
    const now = new Date();
    const playback = await muxPlaybackFor(signedEnv, { playback_id: 'sig-abc', duration_ms: 61_200 }, now);

    expect(playback).not.toBeNull();
    expect(playback!.kind).toBe('hls');
    expect(playback!.url).toMatch(/^https:\/\/stream\.mux\.com\/sig-abc\.m3u8\?token=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(playback!.posterUrl).toMatch(/^https:\/\/image\.mux\.com\/sig-abc\/thumbnail\.jpg\?token=/);
    const expiresAtS = Math.floor(now.getTime() / 1000) + 62 + PLAYBACK_TOKEN_SLACK_S;
    expect(playback!.expiresAt).toBe(new Date(expiresAtS * 1000).toISOString());

    const video = await claimsOf(playback!.url, 'v', 'sig-abc');
    expect(video.payload.kid).toBe(key.keyId);
    expect(Math.abs(video.payload.exp! - expiresAtS)).toBeLessThanOrEqual(2);
    const poster = await claimsOf(playback!.posterUrl!, 't', 'sig-abc');
    expect(Math.abs(poster.payload.exp! - expiresAtS)).toBeLessThanOrEqual(2);
  });

  it('refuses a token made for the poster as a playlist token', async () => {
    const playback = await muxPlaybackFor(signedEnv, { playback_id: 'sig-abc', duration_ms: 1000 }, new Date());
    const posterToken = new URL(playback!.posterUrl!).searchParams.get('token')!;
    await expect(jwtVerify(posterToken, key.publicKey, { audience: 'v' })).rejects.toThrow();
  });

  it('gives plain URLs for a public playback id when no signing key is set', async () => {
    const playback = await muxPlaybackFor(publicEnv, { playback_id: 'pub-abc', duration_ms: null }, new Date(Date.UTC(2026, 0, 1)));
    expect(playback).toEqual({
      kind: 'hls',
      url: 'https://stream.mux.com/pub-abc.m3u8',
      posterUrl: 'https://image.mux.com/pub-abc/thumbnail.jpg',
      expiresAt: new Date(Date.UTC(2026, 0, 1) + PLAYBACK_TOKEN_SLACK_S * 1000).toISOString(),
    });
  });

  it('is null before Mux gave a playback id, and when Mux is not configured', async () => {
    expect(await muxPlaybackFor(signedEnv, { playback_id: null, duration_ms: 1000 }, new Date())).toBeNull();
    expect(await muxPlaybackFor(testEnv(), { playback_id: 'x', duration_ms: 1000 }, new Date())).toBeNull();
  });
});

describe('muxThumbnailFor', () => {
  it('signs a card thumbnail for a few hours', async () => {
    const now = new Date();
    const url = await muxThumbnailFor(signedEnv, 'sig-abc', now);
    const { payload } = await claimsOf(url!, 't', 'sig-abc');
    expect(Math.abs(payload.exp! - (Math.floor(now.getTime() / 1000) + MUX_THUMBNAIL_TOKEN_S))).toBeLessThanOrEqual(2);
    expect(await muxThumbnailFor(publicEnv, 'pub-abc', now)).toBe('https://image.mux.com/pub-abc/thumbnail.jpg');
  });
});
