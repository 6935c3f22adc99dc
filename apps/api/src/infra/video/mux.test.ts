import { describe, expect, it } from 'vitest';
import { checkSignatureTimestamp, MUX_WEBHOOK_TOLERANCE_S } from './mux';

const NOW_MS = Date.UTC(2026, 10, 30, 12, 0, 0);
const nowS = NOW_MS / 1000;

describe('checkSignatureTimestamp', () => {
  it.each([
    ['a fresh signature', `t=${nowS},v1=abc`, null],
    ['several v1 signatures (a secret being rolled)', `t=${nowS - 10},v1=abc,v1=def`, null],
    ['spaces after the commas', `t=${nowS}, v1=abc`, null],
    ['exactly the tolerance old', `t=${nowS - MUX_WEBHOOK_TOLERANCE_S},v1=abc`, null],
    ['exactly the tolerance ahead', `t=${nowS + MUX_WEBHOOK_TOLERANCE_S},v1=abc`, null],
    ['one second too old', `t=${nowS - MUX_WEBHOOK_TOLERANCE_S - 1},v1=abc`, 'stale'],
    ['an hour old', `t=${nowS - 3600},v1=abc`, 'stale'],
    ['one second too far ahead', `t=${nowS + MUX_WEBHOOK_TOLERANCE_S + 1},v1=abc`, 'future'],
    ['no header', undefined, 'missing'],
    ['an empty header', '', 'missing'],
    ['no timestamp', 'v1=abc', 'malformed'],
    ['no v1 signature', `t=${nowS}`, 'malformed'],
    ['an empty v1', `t=${nowS},v1=`, 'malformed'],
    ['a timestamp that is not a number', 't=soon,v1=abc', 'malformed'],
    ['a v0-only header', `t=${nowS},v0=abc`, 'malformed'],
  ])('%s', (_what, header, expected) => {
    expect(checkSignatureTimestamp(header, NOW_MS)).toBe(expected);
  });
});
