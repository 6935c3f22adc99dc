import { describe, expect, it } from 'vitest';
import { buildDemoRows } from './build';

describe('buildDemoRows', () => {
  const now = new Date('2026-03-18T15:30:00Z');

  it('is deterministic for a given moment', () => {
    expect(buildDemoRows(now, 'hash')).toEqual(buildDemoRows(now, 'hash'));
  });

  it('writes nothing in the future except expiries, the running event and the upcoming challenge', () => {
    const rows = buildDemoRows(now, 'hash');
    const future: string[] = [];
    for (const [table, list] of Object.entries(rows)) {
      for (const row of list as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          if (
            value instanceof Date &&
            value > now &&
            !['endsAt', 'expiresAt', 'premiumUntil'].includes(column) &&
            `${table}.${column}` !== 'guildEvents.startsAt'
          ) {
            future.push(`${table}.${column}`);
          }
        }
      }
    }
    expect(future).toEqual([]);
  });

  it('gives every row id a unique value', () => {
    const ids = Object.values(buildDemoRows(now, 'hash'))
      .flat()
      .map((row) => (row as { id?: string }).id)
      .filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
