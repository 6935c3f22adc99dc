import { describe, expect, it } from 'vitest';
import {
  BACKUP_CODE_ALPHABET,
  consumeBackupCode,
  generateBackupCodes,
  hashBackupCode,
  normalizeBackupCode,
  parseBackupCodes,
  serializeBackupCodes,
} from './backup-codes';

describe('normalizeBackupCode', () => {
  it.each([
    ['abcd-efgh', 'abcd-efgh'],
    ['ABCD-EFGH', 'abcd-efgh'],
    ['abcdefgh', 'abcd-efgh'],
    [' abcd efgh ', 'abcd-efgh'],
    ['ab23-45xy', 'ab23-45xy'],
    ['abcd-efg', null],
    ['abcd-efghj', null],
    ['abcd-efg0', null], // 0, 1, i, l, o are not in the alphabet
    ['abcd-efgl', null],
    ['abcd_efgh', null],
    ['123456', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeBackupCode(raw)).toBe(expected);
  });
});

describe('generateBackupCodes', () => {
  it('gives 10 distinct codes in xxxx-xxxx form from the alphabet', () => {
    const codes = generateBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const pattern = new RegExp(`^[${BACKUP_CODE_ALPHABET}]{4}-[${BACKUP_CODE_ALPHABET}]{4}$`);
    for (const code of codes) {
      expect(code).toMatch(pattern);
      expect(normalizeBackupCode(code)).toBe(code);
    }
  });
});

describe('hashBackupCode', () => {
  it('salts each code: the same code hashes differently, and the plain code is not in the result', () => {
    const a = hashBackupCode('abcd-efgh');
    const b = hashBackupCode('abcd-efgh');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toContain('abcd');
  });

  it('is deterministic for a given salt and ignores the typed form', () => {
    const salt = Buffer.alloc(16, 7);
    expect(hashBackupCode('ABCD EFGH', salt)).toBe(hashBackupCode('abcd-efgh', salt));
  });

  it('refuses something that is not a backup code', () => {
    expect(() => hashBackupCode('123456')).toThrow();
  });
});

describe('consumeBackupCode', () => {
  const codes = ['abcd-efgh', 'jkmn-pqrs', 'tuvw-xyz2'];
  const stored = codes.map((c) => hashBackupCode(c));

  it.each([
    { name: 'first code', code: 'abcd-efgh', left: [stored[1], stored[2]] },
    { name: 'last code, typed in capitals without dash', code: 'TUVWXYZ2', left: [stored[0], stored[1]] },
    { name: 'unknown code', code: 'abcd-efgj', left: null },
    { name: 'not a backup code', code: '123456', left: null },
  ])('$name', ({ code, left }) => {
    expect(consumeBackupCode(stored, code)).toEqual(left);
  });

  it('works once: the same code is refused from the list it left behind', () => {
    const afterFirst = consumeBackupCode(stored, 'jkmn-pqrs');
    expect(afterFirst).toHaveLength(2);
    expect(consumeBackupCode(afterFirst!, 'jkmn-pqrs')).toBeNull();
  });

  it('ignores malformed stored entries', () => {
    expect(consumeBackupCode(['garbage', 'md5$00$00'], 'abcd-efgh')).toBeNull();
  });
});

describe('serializeBackupCodes / parseBackupCodes', () => {
  it.each([
    ['["a","b"]', ['a', 'b']],
    ['[]', []],
    ['not json', []],
    ['{"a":1}', []],
    ['["a",2]', ['a']],
  ])('%j → %j', (text, expected) => {
    expect(parseBackupCodes(text)).toEqual(expected);
  });

  it('round-trips', () => {
    const stored = generateBackupCodes().map((c) => hashBackupCode(c));
    expect(parseBackupCodes(serializeBackupCodes(stored))).toEqual(stored);
  });
});
