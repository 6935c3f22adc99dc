import { userSearchInput, type FriendState } from '@wt/schemas';

/** The user search box: when a query is worth sending, and what each result offers. */

export const SEARCH_DEBOUNCE_MS = 250;

/** The trimmed query when the shared schema accepts it (2+ characters), else null (nothing is sent). */
export function searchableQuery(raw: string): string | null {
  const parsed = userSearchInput.safeParse({ query: raw });
  return parsed.success ? parsed.data.query : null;
}

export type SearchAction = 'send' | 'cancel' | 'accept' | 'unblock' | null;

/** The one button beside a result, from where the viewer stands with that person. */
export function searchActionFor(state: FriendState): SearchAction {
  switch (state) {
    case 'none':
      return 'send';
    case 'request_sent':
      return 'cancel';
    case 'request_received':
      return 'accept';
    case 'blocked':
      return 'unblock';
    default:
      return null;
  }
}

/** The words beside a result that has no button, or under one that does. */
export function stateNote(state: FriendState): string | null {
  switch (state) {
    case 'friends':
      return 'Friends';
    case 'request_sent':
      return 'Request sent';
    case 'request_received':
      return 'Sent you a request';
    case 'blocked':
      return 'Blocked';
    default:
      return null;
  }
}
