import type { Person } from '@wt/schemas';

/** The name a person is shown by: their display name, else their username. */
export function personName(person: Pick<Person, 'displayName' | 'username'>): string {
  return person.displayName?.trim() || person.username;
}

/** The first letter of the shown name, for an avatar without a picture. */
export function personInitial(person: Pick<Person, 'displayName' | 'username'>): string {
  return personName(person).charAt(0).toUpperCase() || '?';
}

/** People whose username or display name contains the query (case-insensitive); all for an empty query. */
export function filterPeople<P extends Pick<Person, 'displayName' | 'username'>>(
  people: readonly P[],
  query: string,
): P[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...people];
  return people.filter(
    (p) => p.username.toLowerCase().includes(needle) || (p.displayName ?? '').toLowerCase().includes(needle),
  );
}
