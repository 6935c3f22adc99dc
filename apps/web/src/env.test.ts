import { describe, expect, it } from 'vitest';
import { parseWebEnv } from './env';

describe('parseWebEnv', () => {
  it('defaults to the API on the same machine, port 4000', () => {
    expect(parseWebEnv({}).API_ORIGIN).toBe('http://127.0.0.1:4000');
  });

  it('follows API_PORT', () => {
    expect(parseWebEnv({ API_PORT: '4100' }).API_ORIGIN).toBe('http://127.0.0.1:4100');
  });

  it('prefers an explicit API_ORIGIN and drops its trailing slash', () => {
    expect(parseWebEnv({ API_ORIGIN: 'http://api.internal:8080/', API_PORT: '4100' }).API_ORIGIN).toBe(
      'http://api.internal:8080',
    );
  });

  it('treats empty values as unset', () => {
    expect(parseWebEnv({ API_ORIGIN: '', API_PORT: '' }).API_ORIGIN).toBe('http://127.0.0.1:4000');
  });

  it('takes an optional Google API key for Drive videos', () => {
    expect(parseWebEnv({}).GOOGLE_API_KEY).toBeNull();
    expect(parseWebEnv({ GOOGLE_API_KEY: 'AIzaSyA-demo_key_0123456789' }).GOOGLE_API_KEY).toBe(
      'AIzaSyA-demo_key_0123456789',
    );
  });

  it.each([
    ['GOOGLE_API_KEY', { GOOGLE_API_KEY: 'key with spaces & symbols' }],
    ['API_PORT', { API_PORT: 'abc' }],
    ['API_PORT', { API_PORT: '70000' }],
    ['API_ORIGIN', { API_ORIGIN: 'not a url' }],
    ['API_ORIGIN', { API_ORIGIN: 'ftp://example.com' }],
    ['API_ORIGIN', { API_ORIGIN: 'http://example.com/api' }],
  ])('rejects a bad %s with a sentence naming it', (name, source) => {
    expect(() => parseWebEnv(source)).toThrow(new RegExp(`Invalid environment variable ${name}`));
  });
});
