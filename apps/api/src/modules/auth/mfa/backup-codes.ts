import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { BACKUP_CODE_COUNT } from '@wt/schemas';

/**
 * Backup codes: `xxxx-xxxx` from an alphabet without look-alikes (no 0/o, 1/i/l), about 39.6 bits
 * each. Only a salted SHA-256 of each code is stored. A slow hash is not needed for the online path
 * (the challenge is rate limited and burns after 5 wrong codes); it would matter only to someone who
 * already reads the database, and each code works once.
 */
export const BACKUP_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 8;
const SALT_BYTES = 16;
const SCHEME = 'sha256';

/** One stored code: `sha256$<salt hex>$<hash hex>`. */
export type StoredBackupCode = string;

/** `ABCD EFGH`, `abcd-efgh`, `abcdefgh` → `abcd-efgh`; null when it cannot be a backup code. */
export function normalizeBackupCode(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').toLowerCase();
  if (compact.length !== CODE_LENGTH) return null;
  for (const char of compact) if (!BACKUP_CODE_ALPHABET.includes(char)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Fresh codes to show the user once, in `xxxx-xxxx` form. */
export function generateBackupCodes(count: number = BACKUP_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let compact = '';
    for (let i = 0; i < CODE_LENGTH; i++) compact += BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)];
    codes.add(`${compact.slice(0, 4)}-${compact.slice(4)}`);
  }
  return [...codes];
}

function digest(salt: Buffer, normalizedCode: string): Buffer {
  return createHash('sha256').update(salt).update(normalizedCode).digest();
}

/** Salted hash of one code; `salt` is for tests, a random one is drawn otherwise. */
export function hashBackupCode(code: string, salt: Buffer = randomBytes(SALT_BYTES)): StoredBackupCode {
  const normalized = normalizeBackupCode(code);
  if (normalized === null) throw new Error('hashBackupCode: not a backup code');
  return `${SCHEME}$${salt.toString('hex')}$${digest(salt, normalized).toString('hex')}`;
}

function matches(stored: StoredBackupCode, normalizedCode: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== SCHEME || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = digest(Buffer.from(saltHex, 'hex'), normalizedCode);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * One-time use: returns the stored list without the code that matched, or null when none did
 * (the caller writes the shorter list back, guarded against a concurrent use of the same code).
 */
export function consumeBackupCode(stored: readonly StoredBackupCode[], code: string): StoredBackupCode[] | null {
  const normalized = normalizeBackupCode(code);
  if (normalized === null) return null;
  let index = -1;
  // Every entry is checked, so timing does not tell which code matched.
  stored.forEach((entry, i) => {
    if (matches(entry, normalized) && index === -1) index = i;
  });
  return index === -1 ? null : stored.filter((_, i) => i !== index);
}

/** two_factors.backup_codes holds a JSON array of stored codes. */
export function serializeBackupCodes(stored: readonly StoredBackupCode[]): string {
  return JSON.stringify(stored);
}

export function parseBackupCodes(text: string): StoredBackupCode[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
