import type { AppNotification } from '@wt/schemas';
import { describe, expect, it } from 'vitest';
import { badgeText, bellLabel, markedRead, safeInternalUrl, timeAgo, withLive } from './feed';

const n = (id: string, readAt: string | null = null): AppNotification => ({
  id,
  type: 'level_up',
  title: `n${id}`,
  body: null,
  url: null,
  payload: {},
  readAt,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('badge and label', () => {
  it.each([
    [0, null, 'Notifications'],
    [-1, null, 'Notifications'],
    [1, '1', 'Notifications, 1 unread'],
    [9, '9', 'Notifications, 9 unread'],
    [10, '9+', 'Notifications, 10 unread'],
  ])('%i unread', (count, badge, label) => {
    expect(badgeText(count)).toBe(badge);
    expect(bellLabel(count)).toBe(label);
  });
});

describe('withLive', () => {
  it('puts the new one on top and keeps the page size', () => {
    const items = [n('2'), n('1')];
    expect(withLive(items, n('3'), 2).map((x) => x.id)).toEqual(['3', '2']);
  });
  it('never shows the same notification twice (a replay after reconnect)', () => {
    expect(withLive([n('2'), n('1')], n('2')).map((x) => x.id)).toEqual(['2', '1']);
  });
});

describe('markedRead', () => {
  it('marks the given unread ones, keeps earlier read times', () => {
    const items = [n('1'), n('2'), n('3', 'earlier')];
    const next = markedRead(items, ['1', '3'], 'now');
    expect(next.map((x) => x.readAt)).toEqual(['now', null, 'earlier']);
    expect(markedRead(items, 'all', 'now').map((x) => x.readAt)).toEqual(['now', 'now', 'earlier']);
  });
});

describe('timeAgo', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  it.each([
    ['2026-01-10T11:59:30Z', 'just now'],
    ['2026-01-10T11:55:00Z', '5 min ago'],
    ['2026-01-10T09:00:00Z', '3 h ago'],
    ['2026-01-08T12:00:00Z', '2 d ago'],
    ['2025-12-01T12:00:00Z', 'Dec 1, 2025'],
    ['2026-01-10T12:05:00Z', 'just now'],
  ])('%s', (createdAt, expected) => expect(timeAgo(createdAt, now)).toBe(expected));
});

describe('safeInternalUrl', () => {
  it.each([
    ['/invite/abc', '/invite/abc'],
    [null, null],
    ['https://evil.example/x', null],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
  ])('%s', (url, expected) => expect(safeInternalUrl(url)).toBe(expected));
});
