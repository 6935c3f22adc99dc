/**
 * How far a viewer is from the room, as the badge and the roster show it: green under 150 ms, amber
 * under 500 ms, red above; grey while unknown (no reading yet, or the player is stalled).
 */

export type SyncLevel = 'good' | 'fair' | 'poor' | 'unknown';

export const SYNC_GOOD_BELOW_MS = 150;
export const SYNC_FAIR_BELOW_MS = 500;

export function syncLevel(driftMs: number | null | undefined): SyncLevel {
  if (driftMs === null || driftMs === undefined || !Number.isFinite(driftMs)) return 'unknown';
  const magnitude = Math.abs(driftMs);
  if (magnitude < SYNC_GOOD_BELOW_MS) return 'good';
  if (magnitude < SYNC_FAIR_BELOW_MS) return 'fair';
  return 'poor';
}

/** "40 ms", "1.2 s": the size of the drift, whichever way it goes. */
export function formatDrift(driftMs: number): string {
  const magnitude = Math.abs(driftMs);
  if (magnitude < 1000) return `${Math.round(magnitude)} ms`;
  return `${(magnitude / 1000).toFixed(magnitude < 10_000 ? 1 : 0)} s`;
}

/** A short label for the badge and the roster. */
export function syncLabel(driftMs: number | null | undefined): string {
  const level = syncLevel(driftMs);
  if (level === 'unknown') return 'Sync unknown';
  const size = formatDrift(driftMs!);
  if (level === 'good') return `In sync · ${size}`;
  return `${driftMs! > 0 ? 'Ahead' : 'Behind'} ${size}`;
}

/** One sentence for screen readers and the badge's tooltip. */
export function syncSentence(driftMs: number | null | undefined): string {
  const level = syncLevel(driftMs);
  if (level === 'unknown') return 'Sync not measured yet.';
  const size = formatDrift(driftMs!);
  const way = driftMs! > 0 ? 'ahead of' : 'behind';
  if (level === 'good') return `In sync with the room (${size} ${way} it).`;
  return `${size} ${way} the room${level === 'poor' ? ': tap Resync to jump back in' : ''}.`;
}
