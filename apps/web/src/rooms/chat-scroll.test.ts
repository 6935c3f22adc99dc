import { describe, expect, it } from 'vitest';
import { isNearBottom, scrollTopAfterPrepend } from './chat-scroll';

describe('isNearBottom', () => {
  it('is true at or close to the bottom', () => {
    expect(isNearBottom({ scrollTop: 600, scrollHeight: 1000, clientHeight: 400 })).toBe(true);
    expect(isNearBottom({ scrollTop: 540, scrollHeight: 1000, clientHeight: 400 })).toBe(true);
  });

  it('is false when reading older messages', () => {
    expect(isNearBottom({ scrollTop: 100, scrollHeight: 1000, clientHeight: 400 })).toBe(false);
  });
});

describe('scrollTopAfterPrepend', () => {
  it('keeps the same message in view', () => {
    expect(scrollTopAfterPrepend({ scrollTop: 0, scrollHeight: 1000 }, 1800)).toBe(800);
    expect(scrollTopAfterPrepend({ scrollTop: 30, scrollHeight: 1000 }, 1500)).toBe(530);
  });

  it('never goes negative', () => {
    expect(scrollTopAfterPrepend({ scrollTop: 0, scrollHeight: 1000 }, 900)).toBe(0);
  });
});
