'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { PlayerKeys } from '@/rooms/platforms';

/**
 * Keys the room's players may use in the browser, read from the server's environment by the room
 * page at request time (so a key set on the server needs no rebuild of the web app).
 */
const PlayerKeysContext = createContext<PlayerKeys>({ googleApiKey: null });

export function PlayerKeysProvider({ keys, children }: { keys: PlayerKeys; children: ReactNode }) {
  return <PlayerKeysContext.Provider value={keys}>{children}</PlayerKeysContext.Provider>;
}

export function usePlayerKeys(): PlayerKeys {
  return useContext(PlayerKeysContext);
}
