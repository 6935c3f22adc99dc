import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * TOTP secrets are stored encrypted (AES-256-GCM) with a key derived from the auth secret, so a copy
 * of the database alone (a backup, a replica) does not hand out anyone's second factor. Rotating the
 * auth secret therefore makes stored secrets unreadable: those users re-enrol (or an admin removes
 * their two_factors row).
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_INFO = 'watchtogether/mfa/totp-secret/v1';

/** A 256-bit key for this purpose only (HKDF-SHA256), independent of the token-signing use of the secret. */
export function deriveMfaKey(authSecret: string | Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, Buffer.alloc(0), KEY_INFO, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url), authenticated: a modified value fails to open. */
export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The plaintext, or null when the value was sealed with another key or altered. */
export function openSecret(sealed: string, key: Buffer): string | null {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
  if (version !== VERSION || !iv || !ciphertext || !tag || rest.length > 0) return null;
  try {
    // A fixed tag length: otherwise GCM would accept a truncated (forgeable) tag.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
