import { describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { EnvError, parseEnv } from '../../env';
import { vapidSubject } from './vapid';

const MAIL_FROM = 'WatchTogether <no-reply@watchtogether.local>';

describe('vapidSubject', () => {
  it.each([
    [{ VAPID_SUBJECT: 'mailto:ops@example.com', PUBLIC_WEB_URL: 'https://wt.example' }, 'mailto:ops@example.com'],
    [{ PUBLIC_WEB_URL: 'https://wt.example' }, 'https://wt.example'],
    [{ PUBLIC_WEB_URL: 'http://localhost:3000' }, 'mailto:no-reply@watchtogether.local'],
    [{}, 'mailto:no-reply@watchtogether.local'],
  ])('%j → %s', (env, expected) => expect(vapidSubject({ MAIL_FROM, ...env })).toBe(expected));

  it('takes a bare MAIL_FROM address too', () => {
    expect(vapidSubject({ MAIL_FROM: 'hello@example.com' })).toBe('mailto:hello@example.com');
  });
});

describe('VAPID environment', () => {
  const pair = webpush.generateVAPIDKeys();

  it('accepts both keys, or neither', () => {
    expect(parseEnv({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }).VAPID_PUBLIC_KEY).toBe(pair.publicKey);
    expect(parseEnv({}).VAPID_PUBLIC_KEY).toBeUndefined();
  });

  it('refuses one key without the other, naming the missing one', () => {
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(EnvError);
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parseEnv({ VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(/VAPID_PUBLIC_KEY/);
  });

  it('refuses a subject that is neither mailto: nor https:', () => {
    expect(() => parseEnv({ VAPID_SUBJECT: 'http://example.com' })).toThrow(/VAPID_SUBJECT/);
  });
});
