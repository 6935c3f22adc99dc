import { describe, expect, it } from 'vitest';
import { createWheelGate, directionFromKey, directionFromSwipe, wheelPixels } from './navigation';

describe('directionFromSwipe', () => {
  it.each([
    [{ dx: 0, dy: -120, durationMs: 200 }, 'next'],
    [{ dx: 10, dy: 150, durationMs: 300 }, 'previous'],
    [{ dx: 0, dy: -30, durationMs: 100 }, null], // too short
    [{ dx: 100, dy: -90, durationMs: 200 }, null], // mostly sideways
    [{ dx: 0, dy: -200, durationMs: 1500 }, null], // a slow drag, not a flick
    [{ dx: -40, dy: -61, durationMs: 800 }, 'next'], // at the limits
  ] as const)('%o -> %s', (gesture, expected) => {
    expect(directionFromSwipe(gesture)).toBe(expected);
  });
});

describe('directionFromKey', () => {
  it.each([
    [{ key: 'ArrowDown' }, 'next'],
    [{ key: 'PageDown' }, 'next'],
    [{ key: 'ArrowUp' }, 'previous'],
    [{ key: 'PageUp' }, 'previous'],
    [{ key: 'ArrowLeft' }, null],
    [{ key: ' ' }, null],
    [{ key: 'ArrowDown', shiftKey: true }, null],
    [{ key: 'ArrowDown', ctrlKey: true }, null],
    [{ key: 'ArrowDown', targetTag: 'INPUT', targetType: 'range' }, null], // the seek bar keeps its keys
    [{ key: 'ArrowDown', targetTag: 'input', targetType: 'text' }, null],
    [{ key: 'ArrowUp', targetTag: 'TEXTAREA' }, null],
    [{ key: 'ArrowDown', targetEditable: true }, null],
    [{ key: 'ArrowDown', targetTag: 'BUTTON' }, 'next'],
    [{ key: 'ArrowDown', targetTag: 'VIDEO' }, 'next'],
  ] as const)('%o -> %s', (press, expected) => {
    expect(directionFromKey(press)).toBe(expected);
  });
});

describe('createWheelGate', () => {
  it('adds small trackpad deltas up to the threshold, then moves once', () => {
    const gate = createWheelGate({ thresholdPx: 80, cooldownMs: 700, gestureGapMs: 250 });
    expect(gate(30, 0)).toBeNull();
    expect(gate(30, 16)).toBeNull();
    expect(gate(30, 32)).toBe('next');
  });

  it('ignores the inertia of the same flick', () => {
    const gate = createWheelGate({ thresholdPx: 80, cooldownMs: 700, gestureGapMs: 250 });
    expect(gate(120, 0)).toBe('next');
    for (let t = 16; t < 1_500; t += 16) expect(gate(100, t)).toBeNull();
    // A pause, then a new scroll: moves again.
    expect(gate(120, 3_000)).toBe('next');
  });

  it('scrolling up goes back; a change of direction starts over', () => {
    const gate = createWheelGate({ thresholdPx: 80, cooldownMs: 700, gestureGapMs: 250 });
    expect(gate(50, 0)).toBeNull();
    expect(gate(-50, 16)).toBeNull();
    expect(gate(-50, 32)).toBe('previous');
  });

  it('forgets a small scroll after a pause', () => {
    const gate = createWheelGate({ thresholdPx: 80, cooldownMs: 700, gestureGapMs: 250 });
    expect(gate(60, 0)).toBeNull();
    expect(gate(60, 1_000)).toBeNull();
  });
});

describe('wheelPixels', () => {
  it('converts lines and pages', () => {
    expect(wheelPixels(3, 0, 800)).toBe(3);
    expect(wheelPixels(3, 1, 800)).toBe(48);
    expect(wheelPixels(1, 2, 800)).toBe(800);
  });
});
