/**
 * How the vertical player turns a gesture into "next episode" or "previous episode": a swipe up, a
 * wheel scroll down or ArrowDown go forward; the opposite goes back. Pure, so the thresholds are tested.
 */

export type EpisodeDirection = 'next' | 'previous';

/** A swipe must travel this far, mostly vertically, and not too slowly (a slow drag is not a flick). */
export const SWIPE_MIN_DISTANCE_PX = 60;
export const SWIPE_MAX_DURATION_MS = 800;
/** Vertical travel must dominate horizontal travel by this factor. */
export const SWIPE_AXIS_RATIO = 1.5;

export interface SwipeGesture {
  /** End minus start, in CSS pixels (positive dy = finger moved down). */
  dx: number;
  dy: number;
  durationMs: number;
}

export function directionFromSwipe({ dx, dy, durationMs }: SwipeGesture): EpisodeDirection | null {
  if (durationMs > SWIPE_MAX_DURATION_MS) return null;
  if (Math.abs(dy) < SWIPE_MIN_DISTANCE_PX) return null;
  if (Math.abs(dy) < Math.abs(dx) * SWIPE_AXIS_RATIO) return null;
  // The finger moves up to pull the next episode in from below, as in every vertical feed.
  return dy < 0 ? 'next' : 'previous';
}

const KEY_DIRECTIONS: Record<string, EpisodeDirection> = {
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowUp: 'previous',
  PageUp: 'previous',
};

export interface KeyPress {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  /** The focused element's tag and type: a text field or slider keeps its own arrow keys. */
  targetTag?: string;
  targetType?: string;
  targetEditable?: boolean;
}

export function directionFromKey(press: KeyPress): EpisodeDirection | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  const tag = press.targetTag?.toUpperCase();
  if (press.targetEditable || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  if (tag === 'INPUT' && press.targetType !== 'button' && press.targetType !== 'checkbox') return null;
  return KEY_DIRECTIONS[press.key] ?? null;
}

/** Wheel deltas add up to this before they count (trackpads send many small ones). */
export const WHEEL_THRESHOLD_PX = 80;
/** After a move, the rest of the same scroll gesture (inertia) is ignored for this long. */
export const WHEEL_COOLDOWN_MS = 700;
/** A pause this long between wheel events starts a new gesture. */
export const WHEEL_GESTURE_GAP_MS = 250;

/**
 * Wheel and trackpad scrolling: one gesture moves at most one episode. Returns a function fed every
 * wheel event's deltaY (pixels, positive = scroll down) and its time.
 */
export function createWheelGate({
  thresholdPx = WHEEL_THRESHOLD_PX,
  cooldownMs = WHEEL_COOLDOWN_MS,
  gestureGapMs = WHEEL_GESTURE_GAP_MS,
} = {}) {
  let total = 0;
  let lastEventAt = -Infinity;
  let lockedUntil = -Infinity;
  return (deltaY: number, nowMs: number): EpisodeDirection | null => {
    const gap = nowMs - lastEventAt;
    lastEventAt = nowMs;
    if (nowMs < lockedUntil) {
      // Inertia keeps scrolling: extend the lock while it does, so one flick is one episode.
      lockedUntil = nowMs + Math.min(cooldownMs, gestureGapMs * 2);
      return null;
    }
    if (gap > gestureGapMs || Math.sign(deltaY) !== Math.sign(total)) total = 0;
    total += deltaY;
    if (Math.abs(total) < thresholdPx) return null;
    const direction = total > 0 ? 'next' : 'previous';
    total = 0;
    lockedUntil = nowMs + cooldownMs;
    return direction;
  };
}

/** Normalises WheelEvent.deltaMode (lines, pages) to pixels. */
export function wheelPixels(deltaY: number, deltaMode: number, pageHeightPx: number): number {
  if (deltaMode === 1) return deltaY * 16;
  if (deltaMode === 2) return deltaY * pageHeightPx;
  return deltaY;
}
