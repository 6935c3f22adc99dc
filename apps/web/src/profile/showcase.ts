import { LIMITS } from '@wt/schemas';

/** Adds or removes a badge from the showcase; a sixth badge is not added. */
export function showcaseToggle(chosen: readonly string[], badgeId: string): string[] {
  if (chosen.includes(badgeId)) return chosen.filter((id) => id !== badgeId);
  if (chosen.length >= LIMITS.badgeShowcaseMax) return [...chosen];
  return [...chosen, badgeId];
}
