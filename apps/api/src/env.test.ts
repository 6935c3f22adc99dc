import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ API_PORT: 4000, EMBEDDED_PG_PORT: 54329, DEMO_DATA: true, NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('treats an empty string as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', REDIS_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts the scaled configuration', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://u:p@db:5432/wt',
      REDIS_URL: 'redis://cache:6379',
      API_PORT: '8080',
      DEMO_DATA: 'false',
    });
    expect(env).toMatchObject({ API_PORT: 8080, DEMO_DATA: false, REDIS_URL: 'redis://cache:6379' });
  });

  it.each([
    [{ API_PORT: 'eighty' }, /^Invalid environment variable API_PORT: expects a port number .*"eighty"/],
    [{ API_PORT: '70000' }, /API_PORT: expects a port number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: expects a URL such as postgres:\/\//],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL: expects a URL such as redis:\/\//],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA: expects true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: expects one of/],
  ])('refuses %o with one sentence naming the variable', (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
