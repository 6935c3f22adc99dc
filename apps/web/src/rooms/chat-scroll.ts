/** Scroll arithmetic of the chat list (kept pure so it is tested without a browser). */

export interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** Within `threshold` px of the bottom: a new message should keep the list at the bottom. */
export function isNearBottom(box: ScrollBox, threshold = 80): boolean {
  return box.scrollHeight - box.scrollTop - box.clientHeight <= threshold;
}

/**
 * After older messages were put in front, the scroll position that keeps the same message in view:
 * the list grew by the height of what was added above.
 */
export function scrollTopAfterPrepend(
  before: Pick<ScrollBox, 'scrollTop' | 'scrollHeight'>,
  scrollHeightAfter: number,
): number {
  return Math.max(0, before.scrollTop + (scrollHeightAfter - before.scrollHeight));
}
