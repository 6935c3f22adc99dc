/**
 * An episode's free/locked override as the form shows it (three choices) and as the API stores it
 * (null = the series rule, true = always free, false = always locked).
 */
export type FreeChoice = 'rule' | 'free' | 'locked';

export const FREE_CHOICE_OPTIONS = [
  { value: 'rule', label: 'By the series rule' },
  { value: 'free', label: 'Always free' },
  { value: 'locked', label: 'Always locked' },
] as const satisfies ReadonlyArray<{ value: FreeChoice; label: string }>;

export function freeChoiceOf(override: boolean | null): FreeChoice {
  if (override === null) return 'rule';
  return override ? 'free' : 'locked';
}

export function freeOverrideOf(choice: FreeChoice): boolean | null {
  if (choice === 'rule') return null;
  return choice === 'free';
}

/** How a viewer meets the episode, in a few words: "Free", "Locked", with why when overridden. */
export function accessLabel(episode: { free: boolean; freeOverride: boolean | null }): string {
  const base = episode.free ? 'Free' : 'Locked';
  return episode.freeOverride === null ? `${base} by the series rule` : `${base} always`;
}
