import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  callApi,
  NETWORK_ERROR_MESSAGE,
  RATE_LIMITED_MESSAGE,
  UNAVAILABLE_MESSAGE,
  UNEXPECTED_MESSAGE,
} from './api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('callApi', () => {
  it('sends JSON, same-origin credentials and the bearer token', async () => {
    let seen: RequestInit | undefined;
    await callApi(
      async (_url, init) => {
        seen = init;
        return json(200, {});
      },
      '/api/x',
      { method: 'POST', body: { a: 1 }, token: 'tok' },
    );
    const headers = seen?.headers as Record<string, string>;
    expect(seen?.method).toBe('POST');
    expect(seen?.body).toBe('{"a":1}');
    expect(seen?.credentials).toBe('same-origin');
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['content-type']).toBe('application/json');
  });

  it('checks a success body against the schema', async () => {
    const schema = z.object({ ok: z.literal(true) });
    expect(await callApi(async () => json(200, { ok: true }), '/x', {}, schema)).toEqual({
      ok: true,
      status: 200,
      data: { ok: true },
    });
    expect(await callApi(async () => json(200, { ok: 'yes' }), '/x', {}, schema)).toEqual({
      ok: false,
      error: { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE, status: 200 },
    });
  });

  it('reads an empty 204 or 202 as success', async () => {
    expect(await callApi(async () => new Response(null, { status: 204 }), '/x')).toEqual({
      ok: true,
      status: 204,
      data: undefined,
    });
  });

  it.each([
    {
      name: 'the API error with its field sentences',
      response: () =>
        json(400, { error: { code: 'VALIDATION_FAILED', message: 'Check.', fields: { email: 'Bad.' } } }),
      expected: { code: 'VALIDATION_FAILED', message: 'Check.', fields: { email: 'Bad.' }, status: 400 },
    },
    {
      name: 'a rate limit with retryAfterSeconds in the error',
      response: () =>
        json(429, { error: { code: 'RATE_LIMITED', message: 'Wait 30 seconds.', retryAfterSeconds: 30 } }),
      expected: { code: 'RATE_LIMITED', message: 'Wait 30 seconds.', status: 429, retryAfterSeconds: 30 },
    },
    {
      name: 'a rate limit with a Retry-After header only',
      response: () =>
        json(429, { error: { code: 'RATE_LIMITED', message: 'Wait.' } }, { 'retry-after': '12' }),
      expected: { code: 'RATE_LIMITED', message: 'Wait.', status: 429, retryAfterSeconds: 12 },
    },
    {
      name: 'a bare 429 from a proxy',
      response: () => new Response('slow down', { status: 429 }),
      expected: { code: 'RATE_LIMITED', message: RATE_LIMITED_MESSAGE, status: 429 },
    },
    {
      name: 'a 502 from the rewrite when the API is down',
      response: () => new Response('Bad gateway', { status: 502 }),
      expected: { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE, status: 502 },
    },
  ])('reports $name', async ({ response, expected }) => {
    expect(await callApi(async () => response(), '/x')).toEqual({ ok: false, error: expected });
  });

  it('reports a network failure as a sentence, not a thrown error', async () => {
    const result = await callApi(async () => {
      throw new TypeError('Failed to fetch');
    }, '/x');
    expect(result).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, status: 0 },
    });
  });
});
