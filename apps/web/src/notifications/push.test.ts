import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@wt/schemas';
import { samePreferences, withChannel } from './preferences';
import { base64UrlToBytes, pushSupport, subscriptionInput } from './push';

const all = { isSecureContext: true, hasServiceWorker: true, hasPushManager: true, hasNotification: true };

describe('pushSupport', () => {
  it('is supported with everything present', () => expect(pushSupport(all)).toEqual({ supported: true }));
  it.each([
    [{ isSecureContext: false }, 'insecure'],
    [{ hasServiceWorker: false }, 'no-service-worker'],
    [{ hasPushManager: false }, 'no-push'],
    [{ hasNotification: false }, 'no-notifications'],
  ])('%j → %s', (missing, reason) => expect(pushSupport({ ...all, ...missing })).toEqual({ supported: false, reason }));
});

describe('base64UrlToBytes', () => {
  it('decodes URL-safe base64 without padding', () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1]);
    const encoded = Buffer.from(bytes).toString('base64url');
    expect(encoded).toMatch(/[-_]/);
    expect(Array.from(base64UrlToBytes(encoded))).toEqual(Array.from(bytes));
  });
});

describe('subscriptionInput', () => {
  it('takes endpoint and keys, refuses an incomplete subscription', () => {
    expect(subscriptionInput({ endpoint: 'https://push.example/1', keys: { p256dh: 'p', auth: 'a' } })).toEqual({
      endpoint: 'https://push.example/1',
      keys: { p256dh: 'p', auth: 'a' },
    });
    expect(subscriptionInput({ endpoint: 'https://push.example/1', keys: { p256dh: 'p' } })).toBeNull();
    expect(subscriptionInput({ keys: { p256dh: 'p', auth: 'a' } })).toBeNull();
  });
});

describe('preferences', () => {
  it('changes one box and knows when something changed', () => {
    const next = withChannel(DEFAULT_NOTIFICATION_PREFERENCES, 'room_invite', 'email', true);
    expect(next.room_invite).toEqual({ inApp: true, push: true, email: true });
    expect(DEFAULT_NOTIFICATION_PREFERENCES.room_invite.email).toBe(false);
    expect(samePreferences(next, DEFAULT_NOTIFICATION_PREFERENCES)).toBe(false);
    expect(samePreferences(withChannel(next, 'room_invite', 'email', false), DEFAULT_NOTIFICATION_PREFERENCES)).toBe(true);
  });
});
