import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR_MESSAGE } from '@/auth/api';
import { shortsErrorOf } from './shorts-errors';

describe('shortsErrorOf', () => {
  it('keeps the Shorts code and sentence', () => {
    const error = {
      message: 'Only ready episodes can be published.',
      data: { code: 'CONFLICT', shortsCode: 'NOT_READY' },
    };
    expect(shortsErrorOf(error)).toEqual({
      code: 'NOT_READY',
      message: 'Only ready episodes can be published.',
      fields: {},
    });
  });

  it('puts a taken address under the slug field', () => {
    const error = {
      message: 'That series address is taken. Pick another.',
      data: { code: 'CONFLICT', shortsCode: 'SLUG_TAKEN' },
    };
    expect(shortsErrorOf(error).fields).toEqual({ slug: 'That series address is taken. Pick another.' });
  });

  it('turns zod issues into field sentences', () => {
    const message = JSON.stringify([{ path: ['title'], message: 'Give the series a title.' }]);
    expect(shortsErrorOf({ message, data: { code: 'BAD_REQUEST' } })).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Give the series a title.',
      fields: { title: 'Give the series a title.' },
    });
  });

  it('says so when the API could not be reached', () => {
    expect(shortsErrorOf(new TypeError('Failed to fetch')).message).toBe(NETWORK_ERROR_MESSAGE);
  });
});
