import { describe, expect, it } from 'vitest';
import { guildFormDefaults, guildFormSchema, toGuildInput } from './forms';

describe('guild form', () => {
  it('starts public and empty, or from the guild being edited', () => {
    expect(guildFormDefaults()).toEqual({ name: '', description: '', visibility: 'public' });
    expect(guildFormDefaults({ name: 'Owls', description: 'Night', isPublic: false })).toEqual({
      name: 'Owls',
      description: 'Night',
      visibility: 'private',
    });
  });

  it('checks the name like the API and maps visibility to isPublic', () => {
    const parsed = guildFormSchema.parse({ name: '  Night   Owls ', description: '', visibility: 'private' });
    expect(toGuildInput(parsed)).toEqual({ name: 'Night Owls', description: '', isPublic: false });
    const short = guildFormSchema.safeParse({ name: 'ab', description: '', visibility: 'public' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toMatchObject({
      path: ['name'],
      message: 'Guild names have at least 3 characters.',
    });
  });
});
