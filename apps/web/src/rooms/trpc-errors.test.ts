import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';
import { roomErrorOf } from './trpc-errors';

describe('roomErrorOf', () => {
  it('takes the room code and sentence of the API', () => {
    const error = {
      message: 'This room is private. Ask its leader for an invite link.',
      data: { code: 'FORBIDDEN', roomCode: 'ROOM_PRIVATE' },
    };
    expect(roomErrorOf(error)).toEqual({
      code: 'ROOM_PRIVATE',
      message: 'This room is private. Ask its leader for an invite link.',
    });
  });

  it('falls back on the tRPC code', () => {
    expect(roomErrorOf({ message: 'Sign in first.', data: { code: 'UNAUTHORIZED' } })).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sign in first.',
    });
  });

  it('hides zod issue dumps', () => {
    const error = { message: '[{"code":"invalid_type"}]', data: { code: 'BAD_REQUEST' } };
    expect(roomErrorOf(error)).toEqual({ code: 'VALIDATION_FAILED', message: UNEXPECTED_MESSAGE });
  });

  it('reports a request that never reached the API as a network problem', () => {
    expect(roomErrorOf(new Error('Failed to fetch'))).toEqual({
      code: 'NETWORK',
      message: NETWORK_ERROR_MESSAGE,
    });
    expect(roomErrorOf(null)).toEqual({ code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE });
  });
});
