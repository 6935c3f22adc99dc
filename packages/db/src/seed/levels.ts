/**
 * Seed 000 level thresholds (levels 1..10). The gamification service owns the rules; the seed only needs
 * them to write users.level consistent with users.xp.
 */
export const LEVEL_THRESHOLDS = [0, 500, 1500, 3500, 7500, 15000, 27500, 45000, 70000, 100000] as const;

export function levelForXp(xp: number): number {
  return LEVEL_THRESHOLDS.filter((threshold) => xp >= threshold).length;
}
