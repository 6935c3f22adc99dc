'use client';

import { useEffect, useState } from 'react';
import { SEARCH_DEBOUNCE_MS, searchableQuery } from './search';

/**
 * The text of a people search box and the query it sends: settled after a short pause in typing, and
 * null while there is nothing worth sending (fewer than 2 letters).
 */
export function useSearchQuery() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchableQuery(text)), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return { text, setText, query };
}
