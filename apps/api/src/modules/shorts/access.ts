/**
 * Who may play an episode (issue 9 point 6), decided from facts the service read: free episodes play
 * for anyone, signed-out included; locked ones for holders of the season's access, the series' creator
 * and admins. The answer for everyone else says what would let them in.
 */
export interface EpisodeAccessFacts {
  free: boolean;
  signedIn: boolean;
  hasSeasonAccess: boolean;
  isOwner: boolean;
  isAdmin: boolean;
}

export type EpisodeAccess = 'play' | 'sign_up' | 'unlock';

export function episodeAccess(f: EpisodeAccessFacts): EpisodeAccess {
  if (f.free || f.hasSeasonAccess || f.isOwner || f.isAdmin) return 'play';
  return f.signedIn ? 'unlock' : 'sign_up';
}

/** Free by the creator's override, else by position: the series' first `freeEpisodes` episodes. */
export function isFreeEpisode(override: boolean | null, positionInSeries: number, freeEpisodes: number): boolean {
  return override ?? positionInSeries <= freeEpisodes;
}

/**
 * The new order of a season's episodes: `ids` must be exactly the season's episodes, each once.
 * Returns a sentence when it is not.
 */
export function reorderRefusal(current: readonly string[], ids: readonly string[]): string | null {
  if (new Set(ids).size !== ids.length) return 'Each episode appears once in the new order.';
  if (ids.length !== current.length || !ids.every((id) => current.includes(id))) {
    return 'The new order must list every episode of the season (reload to see the latest).';
  }
  return null;
}
