import { describe, expect, it } from 'vitest';
import { fetchAnonymousWatch, fetchSeries, fetchShortsHome, trpcQueryUrl } from './fetch-shorts';
import { seriesFixture } from './test-fixtures';

const API = 'http://api.test';

function respond(status: number, body: unknown) {
  const calls: string[] = [];
  const fetchFn = async (url: string) => {
    calls.push(url);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, calls };
}

describe('trpcQueryUrl', () => {
  it('sends the input as superjson in the query string', () => {
    const url = new URL(trpcQueryUrl(API, 'shorts.series', { slug: 'midnight-diner' }));
    expect(url.pathname).toBe('/trpc/shorts.series');
    expect(JSON.parse(url.searchParams.get('input')!)).toEqual({ json: { slug: 'midnight-diner' } });
    expect(trpcQueryUrl(API, 'shorts.home', undefined)).toBe('http://api.test/trpc/shorts.home');
  });
});

describe('fetchSeries', () => {
  it('reads a found series', async () => {
    const { fetchFn, calls } = respond(200, { result: { data: { json: seriesFixture() } } });
    const lookup = await fetchSeries(fetchFn, API, 'midnight-diner');
    expect(lookup.kind).toBe('found');
    expect(lookup.kind === 'found' && lookup.data.seasons[0]?.episodes).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  it('is not found on a 404 refusal', async () => {
    const { fetchFn } = respond(404, {
      error: { json: { message: 'That series does not exist, or is not published yet.', code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404, shortsCode: 'NOT_FOUND' } } },
    });
    expect(await fetchSeries(fetchFn, API, 'nope-nope')).toEqual({ kind: 'not-found' });
  });

  it('never asks the API about a malformed slug', async () => {
    const { fetchFn, calls } = respond(200, {});
    expect(await fetchSeries(fetchFn, API, '../admin')).toEqual({ kind: 'not-found' });
    expect(calls).toHaveLength(0);
  });

  it('is unavailable when the API fails or answers nonsense', async () => {
    expect(await fetchSeries(respond(500, { error: { json: { data: { code: 'INTERNAL_SERVER_ERROR' } } } }).fetchFn, API, 'a-series')).toEqual({
      kind: 'unavailable',
    });
    expect(await fetchSeries(respond(200, { result: { data: { json: { title: 1 } } } }).fetchFn, API, 'a-series')).toEqual({ kind: 'unavailable' });
    const offline = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await fetchShortsHome(offline, API)).toEqual({ kind: 'unavailable' });
  });
});

describe('fetchAnonymousWatch', () => {
  it('asks only about episode ids', async () => {
    const { fetchFn, calls } = respond(200, {});
    expect(await fetchAnonymousWatch(fetchFn, API, 'not-a-uuid')).toEqual({ kind: 'not-found' });
    expect(calls).toHaveLength(0);
    await fetchAnonymousWatch(fetchFn, API, '8c1f1d0e-8f7a-4a5b-9c3d-2e1f0a9b8c7d');
    expect(calls[0]).toContain('/trpc/shorts.watch?input=');
  });
});
