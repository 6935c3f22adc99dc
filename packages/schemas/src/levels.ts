/** Seed 000 level thresholds: the XP at which each level (1..10) starts. */
export const LEVEL_THRESHOLDS = [0, 500, 1500, 3500, 7500, 15000, 27500, 45000, 70000, 100000] as const;
export const MAX_LEVEL = LEVEL_THRESHOLDS.length;

export interface LevelProgress {
  level: number;
  /** XP where this level starts. */
  levelXp: number;
  /** XP where the next level starts; null at the top level. */
  nextLevelXp: number | null;
  /** How far through this level, 0..1 (1 at the top level). */
  fraction: number;
}

/** Where `xp` puts someone: their level and how far they are towards the next one (the XP bar). */
export function levelProgress(xp: number): LevelProgress {
  const points = Math.max(0, Math.floor(xp));
  const level = LEVEL_THRESHOLDS.filter((threshold) => points >= threshold).length;
  const levelXp = LEVEL_THRESHOLDS[level - 1]!;
  const nextLevelXp = level < MAX_LEVEL ? LEVEL_THRESHOLDS[level]! : null;
  const fraction = nextLevelXp === null ? 1 : (points - levelXp) / (nextLevelXp - levelXp);
  return { level, levelXp, nextLevelXp, fraction };
}

/** The level (1..10) `xp` reaches. */
export function levelForXp(xp: number): number {
  return levelProgress(xp).level;
}
