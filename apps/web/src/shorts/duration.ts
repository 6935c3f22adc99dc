/**
 * Durations for schema.org: ISO 8601 (`PT1M5S`), and for people: `1:05`.
 */

export function isoDuration(durationMs: number): string {
  const totalS = Math.max(0, Math.round(durationMs / 1000));
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  if (totalS === 0) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

/** `0:42`, `3:05`, `1:02:03`. */
export function clockDuration(durationMs: number): string {
  const totalS = Math.max(0, Math.floor(durationMs / 1000));
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = String(totalS % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
