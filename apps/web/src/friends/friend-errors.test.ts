import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';
import { friendErrorOf } from './friend-errors';

describe('friendErrorOf', () => {
  it('reads the friends code and the sentence', () => {
    expect(
      friendErrorOf({ message: 'You are already friends.', data: { code: 'CONFLICT', friendCode: 'ALREADY_FRIENDS' } }),
    ).toEqual({ code: 'ALREADY_FRIENDS', message: 'You are already friends.' });
  });
  it('falls back to the tRPC code', () => {
    expect(friendErrorOf({ message: 'Sign in first.', data: { code: 'UNAUTHORIZED' } })).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Sign in first.',
    });
  });
  it('never shows zod issue JSON or a missing message', () => {
    expect(friendErrorOf({ message: '[{"code":"too_small"}]', data: { code: 'BAD_REQUEST' } }).message).toBe(UNEXPECTED_MESSAGE);
    expect(friendErrorOf(null).message).toBe(UNEXPECTED_MESSAGE);
  });
  it('says the network failed when the API was never reached', () => {
    expect(friendErrorOf(new Error('fetch failed'))).toEqual({ code: 'NETWORK', message: NETWORK_ERROR_MESSAGE });
  });
});
