import type { Audience, PrivacySettings, PublicProfile } from '@wt/schemas';

/** Where the viewer stands with the owner of a profile; signed-out viewers are strangers. */
export type Relationship = 'owner' | 'friend' | 'stranger';

/** Whether someone in `relationship` is in `audience`. The owner always is. */
export function inAudience(audience: Audience, relationship: Relationship): boolean {
  if (relationship === 'owner') return true;
  if (audience === 'everyone') return true;
  if (audience === 'friends') return relationship === 'friend';
  return false;
}

/** Which parts of a profile a viewer may see, from the owner's privacy settings. */
export function visibleParts(privacy: PrivacySettings, relationship: Relationship) {
  const profile = inAudience(privacy.profile, relationship);
  return {
    /** Bio and badges. */
    profile,
    watchStats: profile && inAudience(privacy.watchStats, relationship),
    friendList: profile && inAudience(privacy.friendList, relationship),
    guild: profile && inAudience(privacy.guild, relationship),
  };
}

/**
 * The profile as this viewer may see it: the username, display name, avatar, level, XP and join date
 * always; bio and badges with the profile; stats, friend count and guild each by their own audience.
 */
export function applyPrivacy(full: PublicProfile, privacy: PrivacySettings, relationship: Relationship): PublicProfile {
  const parts = visibleParts(privacy, relationship);
  return {
    ...full,
    bio: parts.profile ? full.bio : null,
    badges: parts.profile ? full.badges : [],
    stats: parts.watchStats ? full.stats : null,
    guild: parts.guild ? full.guild : null,
    friendCount: parts.friendList ? full.friendCount : null,
  };
}
