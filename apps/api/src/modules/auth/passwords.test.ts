import { describe, expect, it } from 'vitest';
import { commonPasswordList, hashPassword, isCommonPassword, verifyPasswordHash } from './passwords';
import { isReservedUsername } from './reserved-usernames';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPasswordHash(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPasswordHash(hash, 'Correct horse battery staple')).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch, not a crash', async () => {
    expect(await verifyPasswordHash('not-a-phc-string', 'whatever')).toBe(false);
  });
});

describe('common password list', () => {
  it('bundles thousands of lower-cased entries', () => {
    const list = commonPasswordList();
    expect(list.size).toBeGreaterThan(5000);
    for (const entry of list) expect(entry).toBe(entry.toLowerCase());
  });

  it.each([
    ['password123', true],
    ['PassWord123', true],
    ['qwertyuiop', true],
    ['1234567890', true],
    ['iloveyou123', true],
    ['  Sunshine123 ', true],
    ['football2024', true],
    ['glacier-moth-teapot-47', false],
    ['Tr0ub4dor&3-plus-more', false],
  ])('%s → common: %s', (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });
});

describe('reserved usernames', () => {
  it.each([
    ['admin', true],
    ['Admin', true],
    ['ROOT', true],
    ['support', true],
    ['WatchTogether', true],
    ['system', true],
    ['moderator', true],
    ['help', true],
    ['api', true],
    ['www', true],
    ['null', true],
    ['undefined', true],
    ['deleted_ab12cd', true],
    ['movie_fan', false],
    ['demo', false],
    ['administrator_fan', false],
  ])('%s → reserved: %s', (name, reserved) => {
    expect(isReservedUsername(name)).toBe(reserved);
  });
});
