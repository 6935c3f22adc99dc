/**
 * Moving one episode up or down in its season: the new full order, as the API's reorderEpisodes
 * takes it, or null when the move goes nowhere (first item up, last item down, unknown id).
 */
export type MoveDirection = 'up' | 'down';

export function moveItem(ids: readonly string[], id: string, direction: MoveDirection): string[] | null {
  const from = ids.indexOf(id);
  if (from === -1) return null;
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next[from] = ids[to]!;
  next[to] = id;
  return next;
}

/** Whether the item at `index` of `length` can move that way (to switch the buttons off). */
export function canMove(index: number, length: number, direction: MoveDirection): boolean {
  return direction === 'up' ? index > 0 : index >= 0 && index < length - 1;
}
