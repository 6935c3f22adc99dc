/**
 * Wraps an async task so concurrent callers share one run: while a run is in flight every caller
 * gets its promise; the next call after it settles starts a new run. Used for the token refresh,
 * where two parallel refreshes would present the same one-time refresh credential twice (and the
 * API treats the second as reuse and revokes the whole session).
 */
export function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    inFlight ??= (async () => {
      try {
        return await task();
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };
}
