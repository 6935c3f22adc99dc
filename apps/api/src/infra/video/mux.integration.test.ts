import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jwtVerify } from 'jose';
import { muxEvent, muxSigningKey, signMuxWebhook, startFakeMux, type FakeMux } from '../../../test/mux-server';
import { testEnv } from '../../../test/helpers';
import { createMuxVideo, MuxRequestError, MuxSignatureError } from './mux';

/** The Mux adapter with the real SDK against a local stand-in of the Mux REST API. */
const WEBHOOK_SECRET = 'mux-webhook-secret-test';
const EPISODE = '6f1c2b0e-4d1a-4f7e-9a51-2b7c0d9e8f10';
let mux: FakeMux;

beforeAll(async () => {
  mux = await startFakeMux();
});
afterAll(async () => mux.close());
beforeEach(() => {
  mux.requests.length = 0;
});

function envFor(overrides: Record<string, string> = {}) {
  return testEnv({
    MUX_TOKEN_ID: mux.tokenId,
    MUX_TOKEN_SECRET: mux.tokenSecret,
    MUX_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MUX_BASE_URL: mux.baseUrl,
    WEB_ORIGIN: 'https://app.watchtogether.test',
    ...overrides,
  });
}

describe('createDirectUpload', () => {
  it('asks for a public asset with the episode as passthrough and the web origin for CORS', async () => {
    const video = createMuxVideo(envFor());
    expect(video.playbackPolicy).toBe('public');

    const upload = await video.createDirectUpload({ episodeId: EPISODE, corsOrigin: 'https://app.watchtogether.test' });

    expect(upload.uploadId).toBe(mux.uploads.at(-1));
    expect(upload.url).toMatch(/^https:\/\/storage\.googleapis\.com\//);
    expect(mux.requests).toHaveLength(1);
    const [request] = mux.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/video/v1/uploads');
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${mux.tokenId}:${mux.tokenSecret}`).toString('base64')}`);
    expect(request!.body).toEqual({
      cors_origin: 'https://app.watchtogether.test',
      new_asset_settings: { playback_policies: ['public'], passthrough: EPISODE },
    });
  });

  it('asks for a signed playback id when a signing key is set', async () => {
    const key = muxSigningKey();
    const video = createMuxVideo(envFor({ MUX_SIGNING_KEY_ID: key.keyId, MUX_SIGNING_PRIVATE_KEY: key.privateKeyBase64 }));
    expect(video.playbackPolicy).toBe('signed');
    await video.createDirectUpload({ episodeId: EPISODE, corsOrigin: 'https://app.watchtogether.test' });
    expect(mux.requests[0]!.body.new_asset_settings).toEqual({ playback_policies: ['signed'], passthrough: EPISODE });
  });

  it('turns a refusal into a MuxRequestError that never shows the secret', async () => {
    const video = createMuxVideo(envFor());
    mux.failNext(400, `cors_origin is invalid for token ${mux.tokenSecret}`);
    const error = await video.createDirectUpload({ episodeId: EPISODE, corsOrigin: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MuxRequestError);
    expect(error).toMatchObject({ status: 400 });
    expect((error as Error).message).toMatch(/^Mux refused to create an upload \(400\)/);
    expect((error as Error).message).not.toContain(mux.tokenSecret);
  });

  it('reports wrong credentials', async () => {
    const video = createMuxVideo(envFor({ MUX_TOKEN_SECRET: 'wrong-secret' }));
    await expect(video.createDirectUpload({ episodeId: EPISODE, corsOrigin: 'x' })).rejects.toMatchObject({
      name: 'MuxRequestError',
      status: 401,
    });
  });

  it('reports an unreachable Mux', async () => {
    const gone = await startFakeMux();
    await gone.close();
    const video = createMuxVideo(envFor({ MUX_BASE_URL: gone.baseUrl }));
    const error = await video.createDirectUpload({ episodeId: EPISODE, corsOrigin: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MuxRequestError);
    expect(error).toMatchObject({ status: null });
    expect((error as Error).message).toMatch(/^Mux could not be reached to create an upload/);
  }, 30_000);
});

describe('verifyWebhook', () => {
  const video = () => createMuxVideo(envFor());
  const body = JSON.stringify(muxEvent('video.asset.ready', { id: 'asset-1', passthrough: EPISODE }, 'evt-1'));
  const nowS = () => Math.floor(Date.now() / 1000);

  it('returns the event of a delivery signed with the secret', async () => {
    const event = await video().verifyWebhook(body, { 'mux-signature': signMuxWebhook(body, WEBHOOK_SECRET) });
    expect(event).toMatchObject({ id: 'evt-1', type: 'video.asset.ready', data: { id: 'asset-1' } });
  });

  it.each([
    ['no header', () => ({}), 'missing'],
    ['another secret', () => ({ 'mux-signature': signMuxWebhook(body, 'another-secret') }), 'mismatch'],
    ['another body', () => ({ 'mux-signature': signMuxWebhook(`${body} `, WEBHOOK_SECRET) }), 'mismatch'],
    ['a garbled header', () => ({ 'mux-signature': 'v1=abc' }), 'malformed'],
    ['a signature 301 s old', () => ({ 'mux-signature': signMuxWebhook(body, WEBHOOK_SECRET, nowS() - 301) }), 'stale'],
    ['a signature 301 s in the future', () => ({ 'mux-signature': signMuxWebhook(body, WEBHOOK_SECRET, nowS() + 301) }), 'future'],
  ])('refuses %s', async (_what, headers, problem) => {
    const error = await video()
      .verifyWebhook(body, headers())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MuxSignatureError);
    expect(error).toMatchObject({ problem });
    expect((error as Error).message).toMatch(/^The /);
  });

  it('refuses a stale timestamp by our own clock too', async () => {
    const late = createMuxVideo(envFor(), { now: () => new Date(Date.now() + 400_000) });
    await expect(late.verifyWebhook(body, { 'mux-signature': signMuxWebhook(body, WEBHOOK_SECRET) })).rejects.toMatchObject({
      problem: 'stale',
    });
  });
});

describe('signPlayback', () => {
  it('signs an RS256 token for the playback id with the key id, audience and expiry', async () => {
    const key = muxSigningKey();
    const video = createMuxVideo(envFor({ MUX_SIGNING_KEY_ID: key.keyId, MUX_SIGNING_PRIVATE_KEY: key.privateKeyBase64 }));
    const expiresAt = new Date(Date.now() + 20 * 60_000);
    const token = await video.signPlayback('play-1', expiresAt);
    const { payload, protectedHeader } = await jwtVerify(token!, key.publicKey, { audience: 'v', subject: 'play-1' });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.kid).toBe(key.keyId);
    expect(Math.abs(payload.exp! - expiresAt.getTime() / 1000)).toBeLessThanOrEqual(2);
    const thumbnail = await video.signPlayback('play-1', expiresAt, 'thumbnail');
    await expect(jwtVerify(thumbnail!, key.publicKey, { audience: 't', subject: 'play-1' })).resolves.toBeTruthy();
  });

  it('is null without a signing key', async () => {
    expect(await createMuxVideo(envFor()).signPlayback('play-1', new Date(Date.now() + 60_000))).toBeNull();
  });

  it('refuses to start without the three Mux variables', () => {
    expect(() => createMuxVideo(testEnv())).toThrow(/Mux is not configured/);
  });
});
