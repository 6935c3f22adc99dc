import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR_MESSAGE, UNEXPECTED_MESSAGE } from '@/auth/api';
import { guildErrorOf } from './guild-errors';

describe('guildErrorOf', () => {
  it('takes the guild code and the sentence of a refusal', () => {
    const error = {
      message: 'This guild is full: a guild holds at most 10 members.',
      data: { code: 'CONFLICT', guildCode: 'GUILD_FULL' },
    };
    expect(guildErrorOf(error)).toEqual({ code: 'GUILD_FULL', message: error.message, fields: {} });
  });

  it('puts a taken name under the name field', () => {
    const error = {
      message: 'There is already a guild called “Owls”. Pick another name.',
      data: { code: 'CONFLICT', guildCode: 'NAME_TAKEN' },
    };
    expect(guildErrorOf(error).fields).toEqual({ name: error.message });
  });

  it('puts a mistyped disband confirmation under its field', () => {
    const error = {
      message: 'Type the guild name exactly.',
      data: { code: 'BAD_REQUEST', guildCode: 'CONFIRMATION_MISMATCH' },
    };
    expect(guildErrorOf(error).fields).toEqual({ confirmName: 'Type the guild name exactly.' });
  });

  it('turns zod issues into field sentences, the first one per field', () => {
    const issues = [
      { code: 'too_small', path: ['name'], message: 'Guild names have at least 3 characters.' },
      { code: 'custom', path: ['name'], message: 'second' },
      { code: 'custom', path: ['endsAt'], message: 'A challenge ends after it starts.' },
    ];
    const failure = guildErrorOf({ message: JSON.stringify(issues, null, 2), data: { code: 'BAD_REQUEST' } });
    expect(failure).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Guild names have at least 3 characters.',
      fields: {
        name: 'Guild names have at least 3 characters.',
        endsAt: 'A challenge ends after it starts.',
      },
    });
  });

  it('never shows JSON it cannot read', () => {
    expect(guildErrorOf({ message: '[not json', data: { code: 'BAD_REQUEST' } }).message).toBe(
      UNEXPECTED_MESSAGE,
    );
  });

  it('says the network failed when the API never answered', () => {
    expect(guildErrorOf({ message: 'Failed to fetch' })).toEqual({
      code: 'NETWORK',
      message: NETWORK_ERROR_MESSAGE,
      fields: {},
    });
  });

  it('maps bare tRPC codes and empty messages', () => {
    expect(guildErrorOf({ message: '', data: { code: 'NOT_FOUND' } })).toEqual({
      code: 'GUILD_NOT_FOUND',
      message: UNEXPECTED_MESSAGE,
      fields: {},
    });
    expect(guildErrorOf(null).code).toBe('UNEXPECTED');
  });
});
