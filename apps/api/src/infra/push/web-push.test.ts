import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { browserKeys, decryptPush, startFakePushService, type FakePushService } from '../../../test/push-helpers';
import { PushDeliveryError } from './types';
import { createWebPushAdapter } from './web-push';

describe('the Web Push adapter against a local push service', () => {
  let service: FakePushService;
  const pair = webpush.generateVAPIDKeys();
  const adapter = createWebPushAdapter({ vapid: { ...pair, subject: 'mailto:ops@example.com' }, timeoutMs: 2000 });
  const keys = browserKeys();
  const target = (path: string) => ({ kind: 'web' as const, endpoint: service.url(path), ...keys.json });
  const message = { title: 'Hi', body: null, url: '/home', tag: 'greeting' };

  beforeAll(async () => {
    service = await startFakePushService();
  });
  afterAll(async () => {
    await service.close();
  });

  it('delivers an encrypted message with TTL, Urgency and Topic headers', async () => {
    expect(await adapter.send(target('/ok'), message)).toBe('delivered');
    const request = service.received.find((r) => r.path === '/ok')!;
    expect(request.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400', urgency: 'normal' });
    expect(request.headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(JSON.parse(decryptPush(request.body, keys))).toEqual(message);
  });

  it.each([
    [404, 'gone'],
    [410, 'gone'],
  ])('answers %i → %s', async (status, outcome) => {
    service.answer(`/s${status}`, status);
    expect(await adapter.send(target(`/s${status}`), message)).toBe(outcome);
  });

  it.each([
    [400, false],
    [403, false],
    [413, false],
    [429, true],
    [500, true],
    [503, true],
  ])('answers %i → PushDeliveryError, retryable %s', async (status, retryable) => {
    service.answer(`/e${status}`, status);
    const err = await adapter.send(target(`/e${status}`), message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushDeliveryError);
    expect(err).toMatchObject({ status, retryable });
  });

  it('treats an unreachable push service as retryable, and broken keys as not', async () => {
    const down = await adapter.send({ ...target('/x'), endpoint: 'http://127.0.0.1:1/x' }, message).catch((e: unknown) => e);
    expect(down).toMatchObject({ name: 'PushDeliveryError', retryable: true });
    const broken = await adapter.send({ ...target('/x'), p256dh: 'bm90IGEga2V5' }, message).catch((e: unknown) => e);
    expect(broken).toMatchObject({ name: 'PushDeliveryError', retryable: false });
  });
});
