import { describe, expect, it } from 'vitest';
import { deriveMfaKey, openSecret, sealSecret } from './secret-box';

const key = deriveMfaKey('a-test-auth-secret-of-at-least-32-characters');
const otherKey = deriveMfaKey('another-auth-secret-of-at-least-32-characters');

describe('secret box', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh IV each time', () => {
    expect(sealSecret('same', key)).not.toBe(sealSecret('same', key));
  });

  it('derives a 32-byte key that depends on the auth secret only', () => {
    expect(key).toHaveLength(32);
    expect(deriveMfaKey('a-test-auth-secret-of-at-least-32-characters').equals(key)).toBe(true);
    expect(otherKey.equals(key)).toBe(false);
  });

  const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
  const [v, iv, ct, tag] = sealed.split('.') as [string, string, string, string];
  const flip = (part: string) => Buffer.from(part, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b));
  it.each([
    ['another key', sealed, otherKey],
    ['altered ciphertext', [v, iv, Buffer.from(flip(ct)).toString('base64url'), tag].join('.'), key],
    ['altered tag', [v, iv, ct, Buffer.from(flip(tag)).toString('base64url')].join('.'), key],
    ['truncated tag', [v, iv, ct, Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url')].join('.'), key],
    ['unknown version', ['v0', iv, ct, tag].join('.'), key],
    ['plain text (not sealed)', 'JBSWY3DPEHPK3PXP', key],
    ['extra part', `${sealed}.x`, key],
  ])('refuses %s', (_name, value, withKey) => {
    expect(openSecret(value, withKey)).toBeNull();
  });
});
