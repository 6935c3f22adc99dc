import { createGuildInput } from '@wt/schemas';
import { z } from 'zod';

/**
 * The create and edit forms of a guild. They show "who can join" as two cards rather than a checkbox,
 * so the form holds `visibility`; the rest is the shared `createGuildInput`, checked the same way the
 * API checks it.
 */

export const GUILD_VISIBILITY_OPTIONS = [
  { value: 'public', label: 'Public', hint: 'Anyone can join while there is room.' },
  { value: 'private', label: 'Private', hint: 'People ask to join, or join with an invite.' },
] as const;

export const guildFormSchema = createGuildInput
  .omit({ isPublic: true })
  .extend({ visibility: z.enum(['public', 'private'], { message: 'Choose who can join.' }) });

export type GuildFormValues = z.input<typeof guildFormSchema>;

export function guildFormDefaults(guild?: {
  name: string;
  description: string;
  isPublic: boolean;
}): GuildFormValues {
  return {
    name: guild?.name ?? '',
    description: guild?.description ?? '',
    visibility: guild && !guild.isPublic ? 'private' : 'public',
  };
}

/** The checked form as the API's create / update input. */
export function toGuildInput(values: z.output<typeof guildFormSchema>): {
  name: string;
  description: string;
  isPublic: boolean;
} {
  return { name: values.name, description: values.description, isPublic: values.visibility === 'public' };
}
