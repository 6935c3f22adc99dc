import { INVITE_DEFAULT_EXPIRES_S } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INVITE_OPTIONS,
  inviteLinkPath,
  inviteSummary,
  inviteUserPath,
  roomPathWithInvite,
} from './invite';
import { ROOM_ID } from './test-fixtures';

describe('invite paths', () => {
  it('asks for the chosen link', () => {
    expect(inviteLinkPath(ROOM_ID, { uses: 'single', expiresIn: 600 })).toBe(
      `/api/rooms/${ROOM_ID}/invite?uses=single&expiresIn=600`,
    );
  });

  it('uses the defaults of the shared schema', () => {
    expect(DEFAULT_INVITE_OPTIONS).toEqual({ uses: 'multi', expiresIn: INVITE_DEFAULT_EXPIRES_S });
    expect(inviteLinkPath(ROOM_ID, {})).toBe(`/api/rooms/${ROOM_ID}/invite?uses=multi&expiresIn=3600`);
  });

  it('refuses an expiry out of range', () => {
    expect(() => inviteLinkPath(ROOM_ID, { expiresIn: 10 })).toThrow(/at least a minute/);
  });

  it('invites a friend at its own path', () => {
    expect(inviteUserPath(ROOM_ID)).toBe(`/api/rooms/${ROOM_ID}/invite-user`);
  });

  it('leads to the room page with the code', () => {
    expect(roomPathWithInvite(ROOM_ID, 'abc_DEF-123')).toBe(`/rooms/${ROOM_ID}?invite=abc_DEF-123`);
  });
});

describe('inviteSummary', () => {
  it('describes uses and expiry', () => {
    expect(inviteSummary({ uses: 'multi', expiresIn: 3600 })).toBe('Works for anyone for 1 hour.');
    expect(inviteSummary({ uses: 'single', expiresIn: 86_400 })).toBe('Works once, within 1 day.');
    expect(inviteSummary({ uses: 'multi', expiresIn: 7200 })).toBe('Works for anyone for 2 hours.');
    expect(inviteSummary({ uses: 'multi', expiresIn: 120 })).toBe('Works for anyone for 2 minutes.');
  });
});
