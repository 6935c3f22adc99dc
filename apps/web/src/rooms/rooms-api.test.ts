import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@/auth/api';
import { createInviteLink, inviteFriend } from './rooms-api';
import { ROOM_ID, uuid } from './test-fixtures';

function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, calls };
}

describe('createInviteLink', () => {
  it('returns the link the API made', async () => {
    const link = { code: 'abcDEF123', expires_in: 600, url: 'http://localhost:3000/invite/abcDEF123' };
    const { fetchFn, calls } = fakeFetch(200, link);
    const result = await createInviteLink(fetchFn, ROOM_ID, { uses: 'single', expiresIn: 600 });
    expect(result).toEqual({ ok: true, status: 200, data: link });
    expect(calls[0]?.url).toBe(`/api/rooms/${ROOM_ID}/invite?uses=single&expiresIn=600`);
    expect(calls[0]?.init?.method).toBe('GET');
  });

  it('passes on the API refusal sentence', async () => {
    const { fetchFn } = fakeFetch(403, {
      error: { code: 'FORBIDDEN', message: 'Only the leader and moderators can invite.' },
    });
    const result = await createInviteLink(fetchFn, ROOM_ID, { uses: 'multi', expiresIn: 3600 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the leader and moderators can invite.' },
    });
  });

  it('does not trust an answer of another shape', async () => {
    const { fetchFn } = fakeFetch(200, { code: 'x' });
    const result = await createInviteLink(fetchFn, ROOM_ID, { uses: 'multi', expiresIn: 3600 });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } });
  });
});

describe('inviteFriend', () => {
  it('posts the friend id', async () => {
    const { fetchFn, calls } = fakeFetch(201, { ok: true });
    const friend = uuid(77);
    const result = await inviteFriend(fetchFn, ROOM_ID, friend);
    expect(result).toEqual({ ok: true, status: 201, data: { ok: true } });
    expect(calls[0]?.url).toBe(`/api/rooms/${ROOM_ID}/invite-user`);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ userId: friend });
  });
});
