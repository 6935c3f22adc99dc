import { GUILD_NAME_MAX, type GuildCard } from '@wt/schemas';

/** The guild browser: what its search sends, what its address says, and how a card reads. */

export const GUILD_SEARCH_DEBOUNCE_MS = 300;

/** The query the directory is asked for: trimmed, and cut to what the API accepts. */
export function directoryQuery(raw: string | null | undefined): string {
  return (raw ?? '').trim().slice(0, GUILD_NAME_MAX).trim();
}

/** The browser's address for a search, so a reload or a shared link shows the same results. */
export function guildsHref(query: string): string {
  const q = directoryQuery(query);
  return q ? `/guilds?${new URLSearchParams({ q })}` : '/guilds';
}

/** "3/10 members". */
export function membersText(guild: Pick<GuildCard, 'memberCount' | 'maxMembers'>): string {
  return `${guild.memberCount}/${guild.maxMembers} members`;
}

export function isGuildFull(guild: Pick<GuildCard, 'memberCount' | 'maxMembers'>): boolean {
  return guild.memberCount >= guild.maxMembers;
}

export function visibilityText(isPublic: boolean): string {
  return isPublic ? 'Public' : 'Private';
}

/** What the directory says when a search (or the whole directory) finds nothing. */
export function emptyDirectoryMessage(query: string): string {
  return query
    ? `No guild matches “${query}”. Check the spelling, or found it yourself.`
    : 'There are no guilds yet. Found the first one!';
}
