import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

/*
 * argon2id (the library's default algorithm) with the OWASP minimum of 19 MiB, 2 passes, 1 lane. The
 * PHC string records the parameters, so older hashes (the seed's library defaults) still verify.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of one verification when there is no account to check against, so a response time
 * does not tell an unknown login from a wrong password.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('watchtogether-timing-equaliser');
  await verifyPasswordHash(await dummyHash, password);
}

let commonPasswords: ReadonlySet<string> | null = null;

/** The bundled list (common-passwords.txt beside this file), read once on first use. */
export function commonPasswordList(): ReadonlySet<string> {
  if (!commonPasswords) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    commonPasswords = new Set(
      text
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line.length > 0 && !line.startsWith('#')),
    );
  }
  return commonPasswords;
}

/** Whole-password, case-insensitive match against the bundled list of common passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswordList().has(password.trim().toLowerCase());
}
