import { describe, expect, it } from 'vitest';
import { URI } from 'otpauth';
import {
  TOTP_ISSUER,
  generateTotpSecret,
  normalizeTotpCode,
  totpCodeAt,
  totpKeyUri,
  totpStep,
  verifyTotp,
} from './totp';

// RFC 6238 appendix B: the SHA1 seed "12345678901234567890", shown in base32; the RFC lists 8 digits,
// an app shows their last 6.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('normalizeTotpCode', () => {
  it.each([
    ['123456', '123456'],
    [' 123456 ', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    ['12345', null],
    ['1234567', null],
    ['12345a', null],
    ['', null],
    ['abcd-efgh', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeTotpCode(raw)).toBe(expected);
  });
});

describe('totpCodeAt (RFC 6238 SHA1 vectors)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at unix %i the code is %s', (seconds, code) => {
    expect(totpCodeAt(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });
});

describe('totpStep', () => {
  it.each([
    [0, 0],
    [29_999, 0],
    [30_000, 1],
    [1_111_111_109_000, 37_037_036],
  ])('%i ms → step %i', (ms, step) => {
    expect(totpStep(new Date(ms))).toBe(step);
  });
});

describe('verifyTotp', () => {
  const now = new Date(1_700_000_015_000); // in the middle of a step
  const step = totpStep(now);
  const at = (offsetSteps: number) => totpCodeAt(RFC_SECRET, new Date(now.getTime() + offsetSteps * 30_000));

  it.each([
    { name: 'current code', code: at(0), lastUsedStep: null, expected: step },
    { name: 'code of the previous step (typed late)', code: at(-1), lastUsedStep: null, expected: step - 1 },
    { name: 'code of the next step (phone clock ahead)', code: at(1), lastUsedStep: null, expected: step + 1 },
    { name: 'two steps old', code: at(-2), lastUsedStep: null, expected: null },
    { name: 'two steps ahead', code: at(2), lastUsedStep: null, expected: null },
    { name: 'with spaces', code: `${at(0).slice(0, 3)} ${at(0).slice(3)}`, lastUsedStep: null, expected: step },
    { name: 'replay of the current step', code: at(0), lastUsedStep: step, expected: null },
    { name: 'older code after a newer one was used', code: at(-1), lastUsedStep: step, expected: null },
    { name: 'previous step after an older use', code: at(-1), lastUsedStep: step - 2, expected: step - 1 },
    { name: 'current step after the previous was used', code: at(0), lastUsedStep: step - 1, expected: step },
    { name: 'not digits', code: 'abcdef', lastUsedStep: null, expected: null },
    { name: 'wrong length', code: at(0).slice(1), lastUsedStep: null, expected: null },
  ])('$name', ({ code, lastUsedStep, expected }) => {
    expect(verifyTotp({ secretBase32: RFC_SECRET, code, now, lastUsedStep })).toBe(expected);
  });

  it('refuses a wrong code', () => {
    const aroundNow = [at(-1), at(0), at(1)];
    let wrong = at(0);
    while (aroundNow.includes(wrong)) wrong = String((Number(wrong) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp({ secretBase32: RFC_SECRET, code: wrong, now })).toBeNull();
    expect(verifyTotp({ secretBase32: generateTotpSecret(), code: at(0), now })).toBeNull();
  });
});

describe('generateTotpSecret / totpKeyUri', () => {
  it('draws a new 160-bit base32 secret each time', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it('builds a key URI an authenticator app parses back to the same parameters', () => {
    const secret = generateTotpSecret();
    const uri = totpKeyUri(secret, 'demo');
    expect(uri.startsWith('otpauth://totp/WatchTogether:demo?')).toBe(true);
    const parsed = URI.parse(uri);
    expect(parsed).toMatchObject({ issuer: TOTP_ISSUER, label: 'demo', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(parsed.secret.base32).toBe(secret);
  });
});
