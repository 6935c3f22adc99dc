import { describe, expect, it } from 'vitest';
import { chooseEngine } from './engine';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('chooseEngine', () => {
  it.each([
    ['mp4', { nativeHls: '', mse: true, userAgent: CHROME }, 'progressive'],
    ['hls', { nativeHls: '', mse: true, userAgent: CHROME }, 'hls.js'],
    // Chrome that also claims native HLS still gets hls.js (warming, start level, error codes).
    ['hls', { nativeHls: 'maybe', mse: true, userAgent: CHROME }, 'hls.js'],
    ['hls', { nativeHls: 'maybe', mse: true, userAgent: SAFARI }, 'native-hls'],
    ['hls', { nativeHls: 'maybe', mse: false, userAgent: IOS }, 'native-hls'],
    ['hls', { nativeHls: '', mse: false, userAgent: CHROME }, 'unsupported'],
  ] as const)('%s %o -> %s', (kind, support, expected) => {
    expect(chooseEngine(kind, support)).toBe(expected);
  });
});
