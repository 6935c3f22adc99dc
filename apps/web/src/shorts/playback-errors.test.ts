import { describe, expect, it } from 'vitest';
import { failureOfHlsError, failureOfMediaError, retriesWithFreshLink } from './playback-errors';
import { watchErrorMessage } from './watch-errors';

describe('playback failures', () => {
  it('treats a refused segment or playlist as an expired link, retried once with a fresh one', () => {
    expect(failureOfHlsError('networkError', 403)).toBe('denied');
    expect(failureOfHlsError('networkError', undefined)).toBe('network');
    expect(failureOfHlsError('mediaError', undefined)).toBe('decode');
    expect(retriesWithFreshLink('denied')).toBe(true);
    expect(retriesWithFreshLink('decode')).toBe(false);
  });

  it('reads <video> error codes', () => {
    expect(failureOfMediaError(2)).toBe('network');
    expect(failureOfMediaError(4)).toBe('denied');
    expect(failureOfMediaError(3)).toBe('decode');
  });
});

describe('watchErrorMessage', () => {
  it('shows the API sentence', () => {
    expect(watchErrorMessage({ message: 'That episode does not exist, or is not published yet.', data: { code: 'NOT_FOUND', shortsCode: 'NOT_FOUND' } })).toBe(
      'That episode does not exist, or is not published yet.',
    );
  });

  it('never shows a zod report or a transport error as is', () => {
    expect(watchErrorMessage({ message: '[{"code":"invalid_string"}]', data: { code: 'BAD_REQUEST' } })).toBe('That episode link is not valid.');
    expect(watchErrorMessage({ message: 'Failed to fetch', data: null })).toMatch(/couldn't reach WatchTogether/);
  });
});
